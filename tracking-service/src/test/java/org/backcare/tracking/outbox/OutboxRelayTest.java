package org.backcare.tracking.outbox;

import org.backcare.platform.outbox.OutboxEvent;
import org.backcare.platform.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.tracking.testsupport.Api;
import org.backcare.tracking.testsupport.Awaiting;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.tracking.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.KafkaOutage;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * This service's events reach tracking-events right after their commit. The relay itself (order per patient, backlogs,
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
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        // A failed pass earlier would leave pushes off until a tick succeeds: start from a drained outbox.
        Awaiting.until(() -> relay.unsentCount() == 0, Duration.ofSeconds(30), "the outbox drained");
        scheduler.pause("outbox-relay");
        try {
            assertThat(scheduler.isPaused("outbox-relay")).isTrue();

            Api.checkIn(patientLogin, patient.id(), LocalDate.now(), Api.checkIn(4));

            // With the timer paused, only the wake after the commit can send it.
            Awaiting.until(() -> unsent(patient.id()) == 0, Duration.ofSeconds(2), "the check-in's event sent");
            assertThat(EventsTopic.eventsFor("tracking-events", patient.id().toString(), 1, Duration.ofSeconds(10)))
                    .extracting(Received::type).contains("CheckInRecorded");
        } finally {
            scheduler.resume("outbox-relay");
        }
    }

    @Test
    void whileKafkaIsDownCheckInsAreAcceptedTheServiceStaysReadyAndTheEventsFollowLater() throws Exception {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        KafkaOutage.stopBroker();
        try {
            Api.checkIn(patientLogin, patient.id(), LocalDate.now(), Api.checkIn(4));
            // The outbox holds the event: a load balancer must keep sending check-ins here, so readiness stays up.
            for (int probe = 0; probe < 12; probe++) {
                given().get("/q/health/ready").then().statusCode(200);
                Thread.sleep(500);
            }
            assertThat(unsent(patient.id())).isEqualTo(1);
        } finally {
            KafkaOutage.startBroker();
        }
        assertThat(EventsTopic.eventsFor("tracking-events", patient.id().toString(), 1, Duration.ofSeconds(60)))
                .extracting(Received::type).contains("CheckInRecorded");
    }

    private static long unsent(UUID patient) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("patientId = ?1 and sentAt is null", patient));
    }
}
