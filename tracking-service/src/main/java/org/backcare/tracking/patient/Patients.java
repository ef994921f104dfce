package org.backcare.tracking.patient;

import org.backcare.platform.patients.PatientProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.tracking.access.PatientAccess;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.problem.ProblemException;

import java.util.UUID;

/** Looks up a projected patient and checks what the caller may do; refused attempts are audited. */
@ApplicationScoped
public class Patients {

    private final AuditLog audit;

    public Patients(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PatientProjection authorized(Caller caller, UUID patientId, PatientAccess.Action action) {
        PatientProjection p = PatientProjection.<PatientProjection>findByIdOptional(patientId)
                .orElseThrow(() -> ProblemException.notFound("patient " + patientId));
        try {
            PatientAccess.require(caller, p.accessFacts(), action);
        } catch (ProblemException refused) {
            audit.recordRefused(caller, action.name(), patientId, refused.status());
            throw refused;
        }
        if (action == PatientAccess.Action.REPORT && p.isDischarged()) {
            throw ProblemException.conflict("the patient was discharged; reports are no longer recorded");
        }
        return p;
    }
}
