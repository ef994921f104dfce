package org.backcare.platform.idempotency;

import java.time.Duration;
import java.time.Instant;

/** What a request gets whose key is already claimed, judged from the claim. */
enum Verdict {
    /** The claim has expired, or its request died with its instance: this request takes the key and runs. */
    TAKE_OVER,
    /** The key was used for another request: 422, nothing runs. */
    DIFFERENT_REQUEST,
    /** The same request is still running elsewhere: 409, retry later. */
    IN_PROGRESS,
    /** The same request completed: its answer again, nothing runs. */
    REPLAY;

    /**
     * @param first      the request the key was claimed for
     * @param claimedAt  when it was claimed (or last taken over)
     * @param completedAt when its answer was stored; null while it runs
     * @param expiresAt  when the key is forgotten
     */
    static Verdict of(Fingerprint request, Fingerprint first, Instant claimedAt, Instant completedAt, Instant expiresAt,
                      Instant now, Duration processingTimeout) {
        if (!now.isBefore(expiresAt)) {
            return TAKE_OVER;
        }
        if (completedAt == null && !now.isBefore(claimedAt.plus(processingTimeout))) {
            return TAKE_OVER;
        }
        if (!request.equals(first)) {
            return DIFFERENT_REQUEST;
        }
        return completedAt == null ? IN_PROGRESS : REPLAY;
    }
}
