package org.backcare.notification.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The e-mail channel (backcare.email.*); the SMTP connection and the sender address are quarkus.mailer.*. */
@ConfigMapping(prefix = "backcare.email")
public interface EmailConfig {

    /** Where notifications for the admins' shared queue are mailed; none when unset. */
    Optional<String> adminAddress();

    /** How often queued messages that are due are looked for. */
    @WithDefault("10s")
    Duration sendInterval();

    /** The pause after the first failed attempt; it doubles with each further failure. */
    @WithDefault("30s")
    Duration retryDelay();

    /** The longest pause between two attempts. */
    @WithDefault("1h")
    Duration maxRetryDelay();

    /**
     * How long a claimed message is left to the instance sending it. Longer than the SMTP timeout; if the instance
     * dies before marking the message sent, it is sent again after this.
     */
    @WithDefault("2m")
    Duration sendLease();

    /** After this many failed attempts a message is marked failed and no longer tried. */
    @WithDefault("8")
    int maxAttempts();
}
