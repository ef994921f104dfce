package org.backcare.platform.idempotency;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {

    static final Instant CLAIMED = Instant.parse("2026-11-23T09:00:00Z");
    static final Duration RETENTION = Duration.ofHours(24);
    static final Duration TIMEOUT = Duration.ofMinutes(2);
    static final Fingerprint FIRST = Fingerprint.of("POST", "/patients/1/flare-ups", new byte[] {1, 2, 3});
    static final Fingerprint OTHER = Fingerprint.of("POST", "/patients/1/flare-ups", new byte[] {1, 2, 4});

    static Verdict running(Fingerprint request, Instant now) {
        return Verdict.of(request, FIRST, CLAIMED, null, CLAIMED.plus(RETENTION), now, TIMEOUT);
    }

    static Verdict completed(Fingerprint request, Instant now) {
        Instant done = CLAIMED.plusSeconds(1);
        return Verdict.of(request, FIRST, CLAIMED, done, done.plus(RETENTION), now, TIMEOUT);
    }

    @Test
    void theSameRequestAfterTheFirstCompletedGetsItsAnswer() {
        assertThat(completed(FIRST, CLAIMED.plusSeconds(2))).isEqualTo(Verdict.REPLAY);
        assertThat(completed(FIRST, CLAIMED.plus(Duration.ofHours(23)))).isEqualTo(Verdict.REPLAY);
    }

    @Test
    void theSameRequestWhileTheFirstRunsWaits() {
        assertThat(running(FIRST, CLAIMED.plusMillis(10))).isEqualTo(Verdict.IN_PROGRESS);
        assertThat(running(FIRST, CLAIMED.plus(TIMEOUT).minusMillis(1))).isEqualTo(Verdict.IN_PROGRESS);
    }

    @Test
    void anotherRequestWithTheKeyIsRefusedWhetherTheFirstRunsOrCompleted() {
        assertThat(running(OTHER, CLAIMED.plusMillis(10))).isEqualTo(Verdict.DIFFERENT_REQUEST);
        assertThat(completed(OTHER, CLAIMED.plusSeconds(5))).isEqualTo(Verdict.DIFFERENT_REQUEST);
    }

    @Test
    void aRequestThatDiedWithItsInstanceIsTakenOverAfterTheProcessingTimeout() {
        assertThat(running(FIRST, CLAIMED.plus(TIMEOUT))).isEqualTo(Verdict.TAKE_OVER);
        assertThat(running(OTHER, CLAIMED.plus(TIMEOUT))).isEqualTo(Verdict.TAKE_OVER);
    }

    @Test
    void anExpiredKeyIsForgottenEvenBeforeTheCleanupDeletedIt() {
        Instant expired = CLAIMED.plusSeconds(1).plus(RETENTION);
        assertThat(completed(FIRST, expired)).isEqualTo(Verdict.TAKE_OVER);
        assertThat(completed(OTHER, expired)).isEqualTo(Verdict.TAKE_OVER);
        assertThat(completed(FIRST, expired.minusMillis(1))).isEqualTo(Verdict.REPLAY);
    }
}
