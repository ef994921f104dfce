package org.backcare.notification.email;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void doublesAfterEachFailureUpToTheCeiling() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1000)).as("no overflow").isEqualTo(Duration.ofHours(1));
    }
}
