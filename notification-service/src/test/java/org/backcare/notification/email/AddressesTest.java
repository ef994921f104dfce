package org.backcare.notification.email;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @Test
    void onlyTheAdminQueueHasAMailboxAndOnlyWhenOneIsConfigured() {
        assertThat(new Addresses(config(Optional.of("admins@clinic.example.org"))).forRole("admin"))
                .contains("admins@clinic.example.org");
        assertThat(new Addresses(config(Optional.of("admins@clinic.example.org"))).forRole("physician")).isEmpty();
        assertThat(new Addresses(config(Optional.empty())).forRole("admin")).isEmpty();
        assertThat(new Addresses(config(Optional.of(" "))).forRole("admin")).isEmpty();
    }

    private static EmailConfig config(Optional<String> adminAddress) {
        return new EmailConfig() {
            public Optional<String> adminAddress() {
                return adminAddress;
            }

            public Duration sendInterval() {
                return Duration.ofSeconds(10);
            }

            public Duration retryDelay() {
                return Duration.ofSeconds(30);
            }

            public Duration maxRetryDelay() {
                return Duration.ofHours(1);
            }

            public Duration sendLease() {
                return Duration.ofMinutes(2);
            }

            public int maxAttempts() {
                return 8;
            }
        };
    }
}
