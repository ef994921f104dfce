package org.backcare.tracking.testsupport;

import org.backcare.platform.testing.PatientEventFixtures;
import org.backcare.platform.testing.Users;

import java.util.List;
import java.util.UUID;

/**
 * Publishes patient-events the way patient-service does (the fixtures are shared in platform-testing), so tests
 * drive tracking-service's projection through the real Kafka consumer: the consumer side of the contract.
 */
public final class PatientEvents extends PatientEventFixtures {

    private PatientEvents() {
    }

    /** A patient known to plan-service: their login and their care team. */
    public record TestPatient(UUID id, Users patient, List<Users> team) {
    }

    /** Registers a patient with this team and waits until plan-service has projected it. */
    public static TestPatient registered(Users patient, List<String> comorbidities, String painType, Users... team) {
        UUID id = UUID.randomUUID();
        send(envelope(UUID.randomUUID(), "PatientRegistered", id, snapshot(patient, comorbidities, painType, List.of(team))));
        Awaiting.projected(id, team.length > 0 ? team[0] : Users.admin());
        return new TestPatient(id, patient, List.of(team));
    }

    public static TestPatient registered(Users... team) {
        return registered(Users.patient(), List.of(), "mechanical", team);
    }
}
