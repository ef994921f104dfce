package org.backcare.platform.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * Deletes rows past their retention in batches, one short transaction each, so a large backlog never holds locks or
 * a transaction for long. The statement picks its batch with {@code for update skip locked}: every instance may
 * run the same purge at once without waiting for the other.
 */
@ApplicationScoped
public class Retention {

    static final int BATCH = 1000;

    private final EntityManager em;

    public Retention(EntityManager em) {
        this.em = em;
    }

    /**
     * Runs {@code deleteBatch} (a native delete with the parameters {@code :cutoff} and {@code :batch}) until a batch
     * deletes fewer than {@code :batch} rows; returns how many were deleted in all.
     */
    public int purge(String deleteBatch, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(deleteBatch)
                    .setParameter("cutoff", cutoff)
                    .setParameter("batch", BATCH)
                    .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
