package org.backcare.plan.assessment;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.events.EventRetry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads tracking-events in order per partition (group plan-service). A failure (the database away) is retried with
 * growing pauses for up to 10 minutes, each attempt in a new transaction, before the message is parked on
 * tracking-events.plan-service.dlq, as platform-events does for patient-events.
 */
@ApplicationScoped
public class TrackingEventsConsumer {

    private final AssessmentProjector projector;
    private final EventRetry retry;

    public TrackingEventsConsumer(AssessmentProjector projector, EventRetry retry) {
        this.projector = projector;
        this.retry = retry;
    }

    @Incoming("tracking-events")
    @Blocking(ordered = true)
    public void onMessage(String payload) {
        retry.run(() -> projector.onMessage(payload));
    }
}
