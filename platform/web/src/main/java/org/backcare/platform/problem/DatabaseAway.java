package org.backcare.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (restarting, failing over, the pool unable to connect)
 * from a fault in the service. The former is answered 503 with Retry-After: the client should try again shortly,
 * and with an Idempotency-Key a retry cannot store anything twice.
 */
public final class DatabaseAway {

    /**
     * PostgreSQL's "admin shutdown", "crash shutdown", "cannot connect now" and "database dropped"; class 08 is
     * every connection exception (SQL standard).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57P04");

    private DatabaseAway() {
    }

    /** Whether the failure, its causes or what they suppressed (a failed commit) is the database being away. */
    public static boolean causedBy(Throwable failure) {
        return Failures.any(failure, t -> t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                || t instanceof SQLException sql && isUnavailable(sql));
    }

    private static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // Agroal reports a pool that could not hand out a connection in time without a SQL state.
        String message = e.getMessage();
        return message != null && message.startsWith("Acquisition timeout");
    }
}
