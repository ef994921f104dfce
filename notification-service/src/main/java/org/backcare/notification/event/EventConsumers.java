package org.backcare.notification.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.events.EventRetry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three topics this service reads, each as its own consumer group member. Handling is blocking and ordered
 * per partition (one patient's events in order); the offset is committed after the transaction, so a crash in
 * between means a redelivery, which the processed-event table turns into a no-op. A failure (the database away,
 * say) is retried with growing pauses for up to 10 minutes (platform-events' EventRetry) before the message is parked on
 * the dead-letter topic.
 */
@ApplicationScoped
public class EventConsumers {

    private final EventHandler handler;
    private final EventRetry retry;

    public EventConsumers(EventHandler handler, EventRetry retry) {
        this.handler = handler;
        this.retry = retry;
    }

    @Incoming("patient-events")
    @Blocking(ordered = true)
    public void patientEvents(String payload) {
        retry.run(() -> handler.handle("patient-events", payload));
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public void planEvents(String payload) {
        retry.run(() -> handler.handle("plan-events", payload));
    }

    @Incoming("tracking-events")
    @Blocking(ordered = true)
    public void trackingEvents(String payload) {
        retry.run(() -> handler.handle("tracking-events", payload));
    }
}
