package org.backcare.platform.patients;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.events.EventRetry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads patient-events (channel {@code patient-events}; the service configures its group and dead-letter topic).
 * Handling is blocking and ordered per partition, so one patient's events apply in order. A failure such as the
 * database being away is retried with growing pauses for up to 10 minutes, each attempt in a new transaction,
 * before the message is parked on the dead-letter topic: a PostgreSQL restart must not drop a care-team change,
 * because the care team decides access.
 */
@ApplicationScoped
public class PatientEventsConsumer {

    private final PatientProjector projector;
    private final EventRetry retry;

    public PatientEventsConsumer(PatientProjector projector, EventRetry retry) {
        this.projector = projector;
        this.retry = retry;
    }

    @Incoming("patient-events")
    @Blocking(ordered = true)
    public void onMessage(String payload) {
        retry.run(() -> projector.onMessage(payload));
    }
}
