package org.backcare.notification.patient;

import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.notification.plan.PlanProjection;
import org.backcare.notification.routing.PatientContext;

import java.util.List;
import java.util.UUID;

/** Builds what routing needs to know about a patient from the local projections. */
@ApplicationScoped
public class Contexts {

    public PatientContext of(UUID patientId) {
        PatientProjection p = PatientProjection.findById(patientId);
        PlanProjection plan = PlanProjection.findById(patientId);
        List<PatientContext.Member> team = p == null ? List.of()
                : p.careTeam.stream().map(m -> new PatientContext.Member(m.subject, m.role, m.displayName)).toList();
        return new PatientContext(patientId, p == null ? null : p.oidcSubject, p == null ? null : p.displayName(), team,
                plan == null ? null : plan.ownerSubject, plan == null ? List.of() : plan.flareUpSteps);
    }
}
