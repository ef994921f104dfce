package org.backcare.notification.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How webhook deliveries are sent and retried (backcare.webhooks.*). */
@ConfigMapping(prefix = "backcare.webhooks")
public interface WebhookConfig {

    /** How often due deliveries are looked for. */
    @WithDefault("5s")
    Duration dispatchInterval();

    /** The pause after the first failed attempt; it doubles with every further failure. */
    @WithDefault("1m")
    Duration initialBackoff();

    /** The longest pause between two attempts. */
    @WithDefault("2h")
    Duration maxBackoff();

    /** Attempts per delivery before it is given up as failed. */
    @WithDefault("12")
    int maxAttempts();

    /** Failed attempts in a row (any delivery) after which the endpoint is disabled. */
    @WithDefault("10")
    int disableAfter();

    /** Time allowed to open the connection to the receiver. */
    @WithDefault("10s")
    Duration connectTimeout();

    /**
     * Whether receivers on loopback, private or link-local addresses are allowed: only for development and tests,
     * never where the service shares a network with other infrastructure.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Time allowed for the receiver's answer. */
    @WithDefault("10s")
    Duration requestTimeout();
}
