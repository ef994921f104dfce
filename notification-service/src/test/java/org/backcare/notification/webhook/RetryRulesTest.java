package org.backcare.notification.webhook;

import org.backcare.notification.common.Backoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Backoff} and {@link RetryPolicy}: the pure retry rules. */
class RetryRulesTest {

    private final Backoff defaults = new Backoff(Duration.ofMinutes(1), Duration.ofHours(2));

    @Test
    void doublesFromTheInitialPauseUpToTheCap() {
        assertThat(defaults.nominal(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.nominal(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.nominal(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(defaults.nominal(7)).isEqualTo(Duration.ofMinutes(64));
        assertThat(defaults.nominal(8)).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.nominal(11)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void doesNotOverflowForAbsurdAttemptCounts() {
        assertThat(defaults.nominal(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void jitterOnlyShortensAndByAtMostTenPercent() {
        assertThat(defaults.delay(3, 0.0)).isEqualTo(Duration.ofMinutes(4));
        assertThat(defaults.delay(3, 0.5)).isEqualTo(Duration.ofMinutes(4).minusSeconds(12));
        assertThat(defaults.delay(3, 0.999999)).isGreaterThan(Duration.ofMinutes(4).multipliedBy(9).dividedBy(10));
        assertThat(defaults.delay(20, 0.0)).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.delay(20, 0.999999)).isLessThanOrEqualTo(Duration.ofHours(2));
    }

    @Test
    void theDefaultTwelveAttemptsSpreadOverHoursNotMinutes() {
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < 12; failed++) {
            total = total.plus(defaults.nominal(failed));
        }
        // 1+2+4+...+64 minutes, then 2 hours four times: a receiver down overnight still gets its deliveries.
        assertThat(total).isEqualTo(Duration.ofMinutes(607));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.nominal(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(defaults, 12, 10);
        Instant now = Instant.parse("2026-11-23T09:15:00Z");
        assertThat(policy.nextAttempt(1, now, 0.0)).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextAttempt(11, now, 0.0)).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(policy.nextAttempt(12, now, 0.0)).isNull();
    }

    @Test
    void anEndpointIsDisabledAtTheConfiguredNumberOfFailuresInARow() {
        RetryPolicy policy = new RetryPolicy(defaults, 12, 10);
        assertThat(policy.disables(9)).isFalse();
        assertThat(policy.disables(10)).isTrue();
    }
}
