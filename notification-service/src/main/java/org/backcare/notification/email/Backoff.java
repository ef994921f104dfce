package org.backcare.notification.email;

import java.time.Duration;

/** Pauses between attempts to send one message: doubling from a first delay, up to a ceiling. Pure. */
public record Backoff(Duration first, Duration max) {

    /** The pause after the given number of failed attempts (1 after the first failure). */
    public Duration after(int failedAttempts) {
        if (failedAttempts <= 1) {
            return min(first, max);
        }
        // Capped before shifting: 2^62 milliseconds would overflow long before anyone waits that long.
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return min(delay, max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
