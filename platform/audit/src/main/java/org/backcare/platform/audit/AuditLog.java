package org.backcare.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.TreeSet;
import java.util.UUID;

/** Writes audit entries in the same transaction as the read or change they record. */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** The action of a refused attempt (answered 403 or 404); every service's vocabulary includes it. */
    public static final String REFUSED = "REFUSED";

    /** Records a refused attempt in its own transaction: the request's transaction is about to roll back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefused(Caller caller, String attempted, UUID patientId, int status) {
        write(caller, REFUSED, patientId, attempted + " answered " + status);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, Audited action, UUID patientId, String detail) {
        write(caller, action.name(), patientId, detail);
    }

    private void write(Caller caller, String action, UUID patientId, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now(clock);
        entry.actor = caller.subject();
        entry.actorRoles = String.join(",", new TreeSet<>(caller.roles()));
        entry.action = action;
        entry.patientId = patientId;
        entry.detail = detail;
        entry.persist();
    }
}
