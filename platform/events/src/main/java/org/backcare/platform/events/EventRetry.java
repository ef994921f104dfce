package org.backcare.platform.events;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.temporal.ChronoUnit;

/**
 * The one retry policy of every event consumer: a failure (the database away, say) is retried with growing
 * pauses for up to 10 minutes before it propagates and the message is parked on the dead-letter topic. The work
 * must open its own transaction, so each attempt is a fresh one. The consuming channel must allow an offset to
 * wait that long ({@code throttled.unprocessed-record-max-age.ms} of at least 660000).
 */
@ApplicationScoped
public class EventRetry {

    @Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES, jitter = 100)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void run(Runnable handling) {
        handling.run();
    }
}
