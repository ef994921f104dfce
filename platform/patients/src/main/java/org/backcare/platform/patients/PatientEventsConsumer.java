package org.backcare.platform.patients;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

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

    public PatientEventsConsumer(PatientProjector projector) {
        this.projector = projector;
    }

    @Incoming("patient-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES, jitter = 100)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void onMessage(String payload) {
        projector.onMessage(payload);
    }
}
