package org.backcare.tracking.plan;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Reads plan-events in order per partition. A failure (the database away) is retried with growing pauses for up
 * to 10 minutes, each attempt in a new transaction, before the message is parked on the dead-letter topic, as
 * platform-events does for patient-events.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    private final PlanProjector projector;

    public PlanEventsConsumer(PlanProjector projector) {
        this.projector = projector;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES, jitter = 100)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void onMessage(String payload) {
        projector.onMessage(payload);
    }
}
