package org.backcare.patient.stratification;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.events.EventRetry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads tracking-events in order per partition (consumer group patient-service). A failure (the database away) is
 * retried with growing pauses for up to 10 minutes, each attempt in a new transaction, before the message is parked
 * on the dead-letter topic (platform-events' EventRetry).
 */
@ApplicationScoped
public class TrackingEventsConsumer {

    private final TrackingEventHandler handler;
    private final EventRetry retry;

    public TrackingEventsConsumer(TrackingEventHandler handler, EventRetry retry) {
        this.handler = handler;
        this.retry = retry;
    }

    @Incoming("tracking-events")
    @Blocking(ordered = true)
    public void onMessage(String payload) {
        retry.run(() -> handler.onMessage(payload));
    }
}
