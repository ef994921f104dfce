package org.backcare.platform.problem;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentChangeTest {

    @Test
    void aStaleWriteNoticedAtCommitIsFoundUnderTheWrappers() {
        // What a commit-time failure looks like: the interceptor's exception around the transaction manager's
        // RollbackException around the JPA exception around Hibernate's.
        Throwable stale = new StaleObjectStateException("org.backcare.Notification", "3daae15b");
        Throwable atCommit = new RuntimeException("Error invoking subclass method",
                new Exception("ARJUNA016053: Could not commit transaction.",
                        new OptimisticLockException("Unexpected row count", stale)));

        assertThat(ConcurrentChange.causedBy(atCommit)).isTrue();
        assertThat(ConcurrentChange.causedBy(new RuntimeException(stale))).isTrue();
    }

    @Test
    void postgresGivingUpOneOfTwoTransactionsIsALostRaceToo() {
        assertThat(ConcurrentChange.causedBy(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(ConcurrentChange.causedBy(new RuntimeException(new SQLException("could not serialize", "40001"))))
                .isTrue();
    }

    @Test
    void aSerializationFailureTheTransactionManagerSuppressedAtCommitIsALostRace() {
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("could not serialize access due to concurrent update", "40001"));
        assertThat(ConcurrentChange.causedBy(new RuntimeException("interceptor", rollback))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ConcurrentChange.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(ConcurrentChange.causedBy(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
    }

    @Test
    void aConditionalRequestThatLostTheRaceAnswers412AndAnyOther409() {
        assertThat(ConcurrentChange.problemFor("\"3\"").status()).isEqualTo(412);
        assertThat(ConcurrentChange.problemFor(null).status()).isEqualTo(409);
        assertThat(ConcurrentChange.problemFor(" ").status()).isEqualTo(409);
    }
}
