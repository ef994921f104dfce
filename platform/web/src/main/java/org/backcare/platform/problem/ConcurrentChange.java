package org.backcare.platform.problem;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a write that lost a race with another transaction from a fault in the service: a row whose version moved on
 * or that was deleted meanwhile (optimistic locking), or PostgreSQL giving up one of two transactions (deadlock,
 * serialization failure). Hibernate may notice at a flush inside the request or only at commit, after the resource
 * method returned, where the transaction manager and the CDI interceptor wrap it; so the whole cause chain and the exceptions suppressed along it are read.
 * Either way the client's request changed nothing and may be retried: it is a conflict, never a 500.
 */
public final class ConcurrentChange {

    /** PostgreSQL's serialization_failure and deadlock_detected. */
    private static final Set<String> LOST_RACE_STATES = Set.of("40001", "40P01");

    private ConcurrentChange() {
    }

    /** Whether the failure, its causes or what they suppressed (a failed commit) is a lost race. */
    public static boolean causedBy(Throwable failure) {
        return Failures.any(failure, t -> t instanceof OptimisticLockException || t instanceof StaleStateException
                || t instanceof SQLException sql && sql.getSQLState() != null
                && LOST_RACE_STATES.contains(sql.getSQLState()));
    }

    /**
     * 412 when the request was conditional (If-Match): the version it named stopped being the current one while it
     * ran, which is what a stale ETag answers too. 409 otherwise: there was no precondition to fail.
     */
    public static ProblemType problemFor(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? ProblemType.CONFLICT : ProblemType.PRECONDITION_FAILED;
    }
}
