package org.backcare.notification.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.backcare.notification.event.ProcessedEvent;
import org.backcare.notification.patient.PatientProjection;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Waits, boundedly, for what the Kafka consumers do asynchronously. */
public final class Awaiting {

    private Awaiting() {
    }

    /** Until the patient projection knows this patient. */
    public static void projected(UUID patientId) {
        until(() -> QuarkusTransaction.requiringNew().call(() -> PatientProjection.findById(patientId) != null),
                Duration.ofSeconds(30), "patient " + patientId + " projected");
    }

    /** Until the event with this id has been handled (whatever its effect). */
    public static void handled(UUID eventId) {
        until(() -> QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(eventId) != null),
                Duration.ofSeconds(30), "event " + eventId + " handled");
    }

    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
