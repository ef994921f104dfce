package org.backcare.notification.webhook;

import org.backcare.notification.common.Backoff;

import java.time.Instant;

/**
 * What follows a failed attempt: another one after the backoff, or giving the delivery up; and when an endpoint has
 * failed often enough in a row to be disabled. Pure.
 *
 * <p>With the defaults (1 minute doubling to 2 hours, 12 attempts) a delivery is retried for about 10 hours, so a
 * receiver that is down overnight still gets it. The endpoint is disabled after 10 failures in a row, which comes
 * first for a receiver that is simply down: its deliveries then wait, rather than fail, until it is re-enabled. A
 * delivery ends as failed when the receiver keeps refusing that one while accepting others.
 */
public record RetryPolicy(Backoff backoff, int maxAttempts, int disableAfter) {

    public RetryPolicy {
        if (maxAttempts < 1 || disableAfter < 1) {
            throw new IllegalArgumentException("maxAttempts and disableAfter must be at least 1");
        }
    }

    static RetryPolicy of(WebhookConfig config) {
        return new RetryPolicy(new Backoff(config.initialBackoff(), config.maxBackoff()), config.maxAttempts(),
                config.disableAfter());
    }

    /** When to try again after {@code attemptsMade} attempts that all failed; null: give the delivery up. */
    public Instant nextAttempt(int attemptsMade, Instant now, double random) {
        if (attemptsMade >= maxAttempts) {
            return null;
        }
        return now.plus(backoff.delay(attemptsMade, random));
    }

    /** Whether this many failed attempts in a row disable the endpoint. */
    public boolean disables(int consecutiveFailures) {
        return consecutiveFailures >= disableAfter;
    }
}
