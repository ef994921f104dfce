package org.backcare.plan.outbox;

import org.backcare.platform.outbox.OutboxEvent;
import org.backcare.platform.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.Awaiting;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This service's events reach plan-events right after their commit. The relay itself (order per patient, backlogs,
 * the timer) is platform-outbox's, proven by patient-service's OutboxRelayTest.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Scheduler scheduler;

    @Test
    void anEventLeavesRightAfterItsCommitNotAtTheNextTick() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        // A failed pass earlier would leave pushes off until a tick succeeds: start from a drained outbox.
        Awaiting.until(() -> relay.unsentCount() == 0, Duration.ofSeconds(30), "the outbox drained");
        scheduler.pause("outbox-relay");
        try {
            assertThat(scheduler.isPaused("outbox-relay")).isTrue();

            Api.createPlan(physician, patient.id(), "inflammatory");

            // With the timer paused, only the wake after the commit can send it.
            Awaiting.until(() -> unsent(patient.id()) == 0, Duration.ofSeconds(2), "the new plan's event sent");
            assertThat(EventsTopic.eventsFor("plan-events", patient.id().toString(), 1, Duration.ofSeconds(10)))
                    .extracting(Received::type).contains("PlanCreated");
        } finally {
            scheduler.resume("outbox-relay");
        }
    }

    private static long unsent(UUID patient) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("patientId = ?1 and sentAt is null", patient));
    }
}
