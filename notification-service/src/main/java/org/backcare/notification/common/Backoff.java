package org.backcare.notification.common;

import java.time.Duration;

/**
 * The pause before the next attempt (a webhook delivery, an e-mail): exponential from {@code initial}, doubling after every failure,
 * capped at {@code max}. Pure; the caller supplies the randomness so the rule can be tested.
 *
 * <p>Jitter only shortens a pause (by up to 10%), so a pause never exceeds the cap and many deliveries or mails that failed
 * together (a receiver that was down) do not all come back in the same second.
 */
public record Backoff(Duration initial, Duration max) {

    static final double JITTER = 0.1;

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The nominal pause after the given number of failed attempts (1 for the first failure). */
    public Duration nominal(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        // Doubling past the cap is pointless and would overflow: stop as soon as the cap is reached.
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The pause to wait: the nominal one shortened by {@code random} (0 inclusive to 1 exclusive) times 10%. */
    public Duration delay(int failedAttempts, double random) {
        if (random < 0 || random >= 1) {
            throw new IllegalArgumentException("random must be in [0, 1), got " + random);
        }
        Duration nominal = nominal(failedAttempts);
        long shortenBy = (long) (nominal.toMillis() * JITTER * random);
        return nominal.minusMillis(shortenBy);
    }
}
