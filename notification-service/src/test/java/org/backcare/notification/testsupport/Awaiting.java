package org.backcare.notification.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.backcare.platform.events.ProcessedEvent;
import org.backcare.notification.patient.PatientProjection;

import java.time.Duration;
import java.util.UUID;

/** Waits, boundedly, for what the Kafka consumers do asynchronously. */
public final class Awaiting extends org.backcare.platform.testing.Awaiting {

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
}
