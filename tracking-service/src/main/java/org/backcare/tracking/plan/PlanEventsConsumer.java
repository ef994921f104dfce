package org.backcare.tracking.plan;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.events.EventRetry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads plan-events in order per partition. A failure (the database away) is retried with growing pauses for up
 * to 10 minutes, each attempt in a new transaction, before the message is parked on the dead-letter topic, as
 * platform-events does for patient-events.
 */
@ApplicationScoped
public class PlanEventsConsumer {

    private final PlanProjector projector;
    private final EventRetry retry;

    public PlanEventsConsumer(PlanProjector projector, EventRetry retry) {
        this.projector = projector;
        this.retry = retry;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public void onMessage(String payload) {
        retry.run(() -> projector.onMessage(payload));
    }
}
