package org.backcare.platform.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseAwayTest {

    @Test
    void aBrokenOrRefusedConnectionDeepInTheCauseChainIsTheDatabaseAway() {
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseAway.causedBy(new RuntimeException("commit failed", new IllegalStateException(ioError)))).isTrue();
        assertThat(DatabaseAway.causedBy(new SQLException("Connection to 127.0.0.1:15432 refused", "08001"))).isTrue();
        assertThat(DatabaseAway.causedBy(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseAway.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseAway.causedBy(new SQLTransientConnectionException("pool closed"))).isTrue();
        assertThat(DatabaseAway.causedBy(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
    }

    @Test
    void aConnectionLostDuringTheCommitIsTheDatabaseAwayThoughTheTransactionManagerOnlySuppressesIt() {
        // What Narayana throws when the commit fails: a RollbackException without a cause, the failure suppressed.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("flush failed",
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseAway.causedBy(new RuntimeException("interceptor", rollback))).isTrue();
        Exception unrelated = new Exception("ARJUNA016053: Could not commit transaction.");
        unrelated.addSuppressed(new IllegalStateException("a bug"));
        assertThat(DatabaseAway.causedBy(new RuntimeException("interceptor", unrelated))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        a.addSuppressed(b);
        assertThat(DatabaseAway.causedBy(a)).isFalse();
    }

    @Test
    void aFaultOfTheServiceIsNot() {
        assertThat(DatabaseAway.causedBy(new NullPointerException())).isFalse();
        assertThat(DatabaseAway.causedBy(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(DatabaseAway.causedBy(new SQLException("column \"x\" does not exist", "42703"))).isFalse();
        assertThat(DatabaseAway.causedBy(new SQLException("no state"))).isFalse();
    }
}
