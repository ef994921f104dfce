package org.backcare.patient.outbox;

import org.backcare.platform.web.TransactionLocks;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.outbox.OutboxEvent;
import org.backcare.platform.outbox.OutboxRelay;
import org.backcare.platform.outbox.OutboxRetention;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.patient.testsupport.Api;
import org.backcare.platform.testing.Awaiting;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay sends right after the commit, a large backlog in order per patient, and still runs on its timer. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRetention retention;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Scheduler scheduler;

    @Inject
    MeterRegistry metrics;

    @Inject
    TransactionLocks locks;

    @Test
    void anEventLeavesRightAfterItsCommitNotAtTheNextTick() {
        Users physician = Users.physician();
        // A failed pass earlier would leave pushes off until a tick succeeds: start from a drained outbox.
        Awaiting.until(() -> relay.unsentCount() == 0, Duration.ofSeconds(30), "the outbox drained");
        scheduler.pause("outbox-relay");
        try {
            assertThat(scheduler.isPaused("outbox-relay")).isTrue();

            UUID patient = UUID.fromString(Api.registerPatient(physician));

            // With the timer paused, only the wake after the commit can send it.
            Awaiting.until(() -> unsent(patient) == 0, Duration.ofSeconds(2), "the registration's event sent");
            assertThat(EventsTopic.eventsFor("patient-events", patient.toString(), 1, Duration.ofSeconds(10)))
                    .extracting(Received::type).contains("PatientRegistered");
        } finally {
            scheduler.resume("outbox-relay");
        }
    }

    @Test
    void aBacklogOfSeveralBatchesArrivesInOrderPerPatientAndIsMarkedSent() {
        List<UUID> patients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        // 300 events, three full batches, interleaved across three keys (so across partitions) in one transaction.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < 100; n++) {
                for (UUID patient : patients) {
                    outbox.publish(EventType.PATIENT_UPDATED, patient, Map.of("n", n));
                }
            }
        });

        for (UUID patient : patients) {
            List<Received> events = EventsTopic.eventsFor("patient-events", patient.toString(), 100, Duration.ofSeconds(30));
            assertThat(events).extracting(event -> event.envelope().get("data").get("n").asInt())
                    .containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
        }
        Awaiting.until(() -> patients.stream().allMatch(patient -> unsent(patient) == 0), Duration.ofSeconds(10),
                "all 300 marked sent");
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("patientId in ?1 and sentAt is not null", patients))).isEqualTo(300);
    }

    @Test
    void eachOfManySmallCommitsLeavesOnceAndInOrderAndNoPassFails() {
        UUID patient = UUID.randomUUID();
        double failedBefore = failedPasses();
        // One commit, one pass, with pauses in between as under moderate load. A pass whose commit fails after Kafka
        // has acknowledged sends again (as when Kafka's callback thread joins the relay's transaction through context
        // propagation: "commiting with 2 threads active"); that is a race, so this catches it only sometimes.
        for (int n = 0; n < 40; n++) {
            int data = n;
            QuarkusTransaction.requiringNew().run(() ->
                    outbox.publish(EventType.PATIENT_UPDATED, patient, Map.of("n", data)));
            Awaiting.until(() -> unsent(patient) == 0, Duration.ofSeconds(10), "event " + n + " sent");
        }

        assertThat(EventsTopic.eventsFor("patient-events", patient.toString(), 40, Duration.ofSeconds(30)))
                .extracting(event -> event.envelope().get("data").get("n").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
        assertThat(failedPasses()).isEqualTo(failedBefore);
    }

    @Test
    void theTimerSendsWhatNoCommitHereAnnounced() {
        UUID patient = UUID.randomUUID();
        // As a crashed instance would leave it: written, never woken for.
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent event = new OutboxEvent();
            event.eventId = UUID.randomUUID();
            event.patientId = patient;
            event.type = EventType.PATIENT_UPDATED.wireName();
            event.version = EventType.PATIENT_UPDATED.schemaVersion();
            event.occurredAt = Instant.now();
            event.payload = "{\"id\": \"" + event.eventId + "\", \"type\": \"" + event.type + "\", \"version\": 1, "
                    + "\"patientId\": \"" + patient + "\", \"data\": {}}";
            event.persist();
        });

        Awaiting.until(() -> unsent(patient) == 0, Duration.ofSeconds(10), "the timer's pass");
        List<Received> events = EventsTopic.eventsFor("patient-events", patient.toString(), 1, Duration.ofSeconds(10));
        assertThat(events).extracting(Received::type).containsExactly("PatientUpdated");
        JsonNode envelope = events.get(0).envelope();
        assertThat(envelope.get("patientId").asText()).isEqualTo(patient.toString());
    }

    /**
     * Instances take turns: while another instance's relay sends a batch, this one's pass waits instead of sending
     * the same patient's later events alongside, then sends them once the turn is free.
     */
    @Test
    void whileAnotherInstanceRelaysThisOneWaitsItsTurn() throws Exception {
        UUID patient = UUID.randomUUID();
        Awaiting.until(() -> relay.unsentCount() == 0, Duration.ofSeconds(30), "the outbox drained");
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> turn = otherInstance.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                locks.lock("outbox-relay", "turn");
                holding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            QuarkusTransaction.requiringNew().run(() -> outbox.publish(EventType.PATIENT_UPDATED, patient, Map.of("n", 0)));
            Awaiting.until(() -> waitingForAnAdvisoryLock() > 0, Duration.ofSeconds(10), "this relay waiting its turn");
            assertThat(unsent(patient)).isEqualTo(1);

            release.countDown();
            turn.get(30, TimeUnit.SECONDS);
            Awaiting.until(() -> unsent(patient) == 0, Duration.ofSeconds(10), "sent once the turn was free");
            assertThat(EventsTopic.eventsFor("patient-events", patient.toString(), 1, Duration.ofSeconds(10)))
                    .extracting(Received::type).containsExactly("PatientUpdated");
        } finally {
            release.countDown();
            otherInstance.shutdownNow();
        }
    }

    private static long waitingForAnAdvisoryLock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxEvent.getEntityManager().createNativeQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted").getSingleResult()).longValue());
    }

    private double failedPasses() {
        return metrics.get("backcare.outbox.pass").tag("outcome", "failed").timer().count();
    }

    private static long unsent(UUID patient) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("patientId = ?1 and sentAt is null", patient));
    }

    @Test
    void sentEventsOlderThanTheRetentionAreDeletedUnsentAndRecentOnesStay() {
        UUID patient = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofDays(8));
        UUID oldSent = outboxRow(patient, longAgo, longAgo);
        UUID recentSent = outboxRow(patient, Instant.now().minus(Duration.ofDays(1)), Instant.now().minus(Duration.ofDays(1)));
        UUID oldUnsent = outboxRow(patient, longAgo, null);
        try {
            assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

            assertThat(outboxRowExists(oldSent)).isFalse();
            assertThat(outboxRowExists(recentSent)).isTrue();
            assertThat(outboxRowExists(oldUnsent)).isTrue();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("patientId", patient));
        }
    }

    private static UUID outboxRow(UUID patient, Instant occurredAt, Instant sentAt) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent e = new OutboxEvent();
            e.eventId = eventId;
            e.patientId = patient;
            e.type = "PatientUpdated";
            e.version = 1;
            e.occurredAt = occurredAt;
            e.payload = "{}";
            e.sentAt = sentAt;
            e.persist();
        });
        return eventId;
    }

    private static boolean outboxRowExists(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventId", eventId) == 1);
    }
}
