package org.backcare.notification.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * The three topics this service reads, each as its own consumer group member. Handling is blocking and ordered
 * per partition (one patient's events in order); the offset is committed after the transaction, so a crash in
 * between means a redelivery, which the processed-event table turns into a no-op. A failure (the database away,
 * say) is retried with growing pauses for up to 10 minutes before the message is parked on the dead-letter topic.
 */
@ApplicationScoped
public class EventConsumers {

    private final EventHandler handler;

    public EventConsumers(EventHandler handler) {
        this.handler = handler;
    }

    @Incoming("patient-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES, jitter = 100)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void patientEvents(String payload) {
        handler.handle("patient-events", payload);
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES, jitter = 100)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void planEvents(String payload) {
        handler.handle("plan-events", payload);
    }

    @Incoming("tracking-events")
    @Blocking(ordered = true)
    @Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES, jitter = 100)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void trackingEvents(String payload) {
        handler.handle("tracking-events", payload);
    }
}
