package org.backcare.patient.careteam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.patient.access.PatientAccess.Action;
import org.backcare.patient.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.patient.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.problem.ProblemException;
import org.backcare.patient.record.Patient;
import org.backcare.patient.record.PatientService;
import org.backcare.patient.stratification.StratificationService;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Adds and removes care-team members; the events carry the whole team so consumers can simply replace theirs. */
@ApplicationScoped
public class CareTeamService {

    private final PatientService patients;
    private final Outbox outbox;
    private final AuditLog audit;
    private final EntityManager em;
    private final Clock clock;
    private final StratificationService stratification;

    public CareTeamService(PatientService patients, Outbox outbox, AuditLog audit, EntityManager em, Clock clock,
                           StratificationService stratification) {
        this.patients = patients;
        this.outbox = outbox;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.stratification = stratification;
    }

    /** The data of CareTeamMemberAdded and CareTeamMemberRemoved. */
    public record CareTeamChange(CareTeamMemberView member, List<CareTeamMemberView> careTeam, String changedBy) {
    }

    @Transactional
    public List<CareTeamMemberView> list(Caller caller, UUID patientId) {
        Patient p = patients.authorized(caller, patientId, Action.READ);
        audit.record(caller, AuditAction.CARE_TEAM_READ, patientId, null);
        return p.careTeam.stream().map(CareTeamMemberView::of).toList();
    }

    @Transactional
    public CareTeamMemberView add(Caller caller, UUID patientId, CareTeamMemberRequest request) {
        Patient p = patients.authorized(caller, patientId, Action.MANAGE_CARE_TEAM);
        if (p.isDischarged()) {
            throw ProblemException.conflict("the patient was discharged; the care team can no longer change");
        }
        if (p.member(request.subject()).isPresent()) {
            throw ProblemException.conflict(request.subject() + " is already on this patient's care team");
        }
        if (request.subject().equals(p.oidcSubject)) {
            throw ProblemException.badRequest("subject", "the patient cannot be a member of their own care team");
        }
        Instant now = Instant.now(clock);
        CareTeamMember member = PatientService.newMember(p, request.subject(), request.role(),
                request.displayName().strip(), request.email(), caller, now);
        p.careTeam.add(member);
        p.touch(now);
        em.flush();
        publish(EventType.CARE_TEAM_MEMBER_ADDED, p, member, caller);
        // A psychologist joining ends a "high risk, no psychologist" episode.
        stratification.evaluateReferral(p);
        audit.record(caller, AuditAction.CARE_TEAM_ADD, patientId, request.role().code() + " " + request.subject());
        return CareTeamMemberView.of(member);
    }

    @Transactional
    public void remove(Caller caller, UUID patientId, String subject) {
        Patient p = patients.authorized(caller, patientId, Action.MANAGE_CARE_TEAM);
        CareTeamMember member = p.member(subject)
                .orElseThrow(() -> ProblemException.notFound("care-team member " + subject));
        if (p.isDischarged()) {
            throw ProblemException.conflict("the patient was discharged; the care team can no longer change");
        }
        if (member.role == CareTeamRole.PHYSICIAN
                && p.careTeam.stream().filter(m -> m.role == CareTeamRole.PHYSICIAN).count() == 1) {
            throw ProblemException.conflict("the care team needs a physician; add another physician before removing "
                    + member.displayName);
        }
        p.careTeam.remove(member);
        p.touch(Instant.now(clock));
        em.flush();
        publish(EventType.CARE_TEAM_MEMBER_REMOVED, p, member, caller);
        // The last psychologist leaving a high-risk patient starts a new episode: the physicians are told again.
        stratification.evaluateReferral(p);
        audit.record(caller, AuditAction.CARE_TEAM_REMOVE, patientId, member.role.code() + " " + subject);
    }

    private void publish(EventType type, Patient p, CareTeamMember member, Caller caller) {
        outbox.publish(type, p.id, new CareTeamChange(CareTeamMemberView.of(member),
                p.careTeam.stream().map(CareTeamMemberView::of).toList(), caller.subject()));
    }
}
