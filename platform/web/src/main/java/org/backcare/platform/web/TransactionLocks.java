package org.backcare.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL advisory locks held until the current transaction ends: how work that must not run twice at once is
 * serialized across every instance of a service (they share its database), with no lock table and nothing to clean
 * up when an instance dies (its transaction, and so the lock, goes with its connection). A lock is named by a purpose
 * and a key, e.g. ("alert-rules", patient id).
 */
@ApplicationScoped
public class TransactionLocks {

    private final EntityManager em;

    public TransactionLocks(EntityManager em) {
        this.em = em;
    }

    /** Waits until no other transaction holds this lock, then holds it until this transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String purpose, Object key) {
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtext(:purpose), hashtext(:key))")
                .setParameter("purpose", purpose)
                .setParameter("key", String.valueOf(key))
                .getSingleResult();
    }

    /** Takes the lock if no other transaction holds it; false (at once) if one does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(String purpose, Object key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:purpose), hashtext(:key))")
                .setParameter("purpose", purpose)
                .setParameter("key", String.valueOf(key))
                .getSingleResult();
    }
}
