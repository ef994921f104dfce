package org.backcare.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.backcare.platform.web.Retention;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The keys of the service's callers, in its own database, so that every instance sees every claim. A key is claimed
 * with {@code INSERT ... ON CONFLICT DO NOTHING} in a short transaction of its own, committed before the request
 * runs: of two requests racing with one key, on one instance or two, exactly one inserts and runs. The answer is
 * stored once the request succeeded; a failed request releases its key.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /** What {@link #claim} found. */
    public sealed interface Outcome permits Claimed, Replay, InProgress, DifferentRequest {
    }

    /** The key is this request's: it runs, then {@link #complete} or {@link #release} with this claim. */
    public record Claimed(UUID claim) implements Outcome {
    }

    /** The same request completed before: answer this. */
    public record Replay(StoredResponse response) implements Outcome {
    }

    /** The same request is still running. */
    public record InProgress() implements Outcome {
    }

    /** The key was used for another request; {@code first} is the one. */
    public record DifferentRequest(Fingerprint first) implements Outcome {
    }

    private static final int CLAIM_ATTEMPTS = 3;
    private static final String DELETE_EXPIRED = "delete from idempotency_key where ctid in (select ctid from "
            + "idempotency_key where expires_at <= :cutoff limit :batch for update skip locked) and expires_at <= :cutoff";

    private final EntityManager em;
    private final Clock clock;
    private final Duration retention;
    private final Duration processingTimeout;
    private final Retention purger;

    public IdempotencyStore(EntityManager em, Clock clock, Retention purger,
                            @ConfigProperty(name = "backcare.idempotency.retention") Duration retention,
                            @ConfigProperty(name = "backcare.idempotency.processing-timeout") Duration processingTimeout) {
        this.em = em;
        this.clock = clock;
        this.retention = retention;
        this.processingTimeout = processingTimeout;
        this.purger = purger;
    }

    public Duration retention() {
        return retention;
    }

    /** Claims the caller's key for this request, or says why it may not run. Commits before it returns. */
    public Outcome claim(String subject, String key, Fingerprint request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                UUID claim = UUID.randomUUID();
                Instant now = Instant.now(clock);
                int inserted = em.createNativeQuery("""
                                insert into idempotency_key
                                    (caller_subject, idempotency_key, method, path, body_sha256, claim, claimed_at, expires_at)
                                values (:subject, :key, :method, :path, :body, :claim, :now, :expires)
                                on conflict (caller_subject, idempotency_key) do nothing""")
                        .setParameter("subject", subject)
                        .setParameter("key", key)
                        .setParameter("method", request.method())
                        .setParameter("path", request.path())
                        .setParameter("body", request.bodySha256())
                        .setParameter("claim", claim)
                        .setParameter("now", now)
                        .setParameter("expires", now.plus(retention))
                        .executeUpdate();
                if (inserted == 1) {
                    return new Claimed(claim);
                }
                // Locked for the rest of this short transaction: a take-over cannot race another one.
                IdempotencyRecord first = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(subject, key),
                        LockModeType.PESSIMISTIC_WRITE);
                if (first == null) {
                    continue; // released or expired between the insert and the read: try to insert again
                }
                switch (Verdict.of(request, first.fingerprint(), first.claimedAt, first.completedAt, first.expiresAt,
                        now, processingTimeout)) {
                    case TAKE_OVER -> {
                        first.method = request.method();
                        first.path = request.path();
                        first.bodySha256 = request.bodySha256();
                        first.claim = claim;
                        first.claimedAt = now;
                        first.expiresAt = now.plus(retention);
                        first.completedAt = null;
                        first.responseStatus = null;
                        first.contentType = null;
                        first.location = null;
                        first.etag = null;
                        first.responseBody = null;
                        return new Claimed(claim);
                    }
                    case DIFFERENT_REQUEST -> {
                        return new DifferentRequest(first.fingerprint());
                    }
                    case IN_PROGRESS -> {
                        return new InProgress();
                    }
                    case REPLAY -> {
                        return new Replay(new StoredResponse(first.responseStatus, first.contentType, first.location,
                                first.etag, first.responseBody == null ? new byte[0] : first.responseBody));
                    }
                }
            }
            return new InProgress();
        });
    }

    /**
     * Stores the answer of the request that holds this claim; it is kept for the retention from now. Never fails
     * the request: its work is committed, and a key left unanswered is taken over after the processing timeout.
     */
    public void complete(String subject, String key, UUID claim, StoredResponse response) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                IdempotencyRecord record = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(subject, key),
                        LockModeType.PESSIMISTIC_WRITE);
                if (record == null || !claim.equals(record.claim)) {
                    LOG.warnf("idempotency: the key of a completed request was taken over meanwhile; its answer is not kept");
                    return;
                }
                Instant now = Instant.now(clock);
                record.completedAt = now;
                record.expiresAt = now.plus(retention);
                record.responseStatus = response.status();
                record.contentType = response.contentType();
                record.location = response.location();
                record.etag = response.etag();
                record.responseBody = response.body();
            });
        } catch (RuntimeException e) {
            LOG.warnf("idempotency: the answer of a keyed request could not be stored: %s", e);
        }
    }

    /** Forgets the claim of a request that failed, so the client may retry with the same key. Never fails. */
    public void release(String subject, String key, UUID claim) {
        try {
            QuarkusTransaction.requiringNew().run(() -> IdempotencyRecord.delete(
                    "callerSubject = ?1 and idempotencyKey = ?2 and claim = ?3 and completedAt is null",
                    subject, key, claim));
        } catch (RuntimeException e) {
            LOG.warnf("idempotency: the key of a failed request could not be released: %s", e);
        }
    }

    @Scheduled(identity = "idempotency-cleanup", every = "${backcare.idempotency.cleanup-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void cleanup() {
        deleteExpired(Instant.now(clock));
    }

    /**
     * Deletes the keys expired at this instant, in platform-web's batches; answers how many. Several instances may run it
     * at once: a row deleted by one is skipped by the other, and a key taken over meanwhile is no longer expired.
     */
    public int deleteExpired(Instant now) {
        return purger.purge(DELETE_EXPIRED, now);
    }
}
