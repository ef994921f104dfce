package org.backcare.tracking.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.tracking.access.PatientAccess.Action;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.web.Coded;
import org.backcare.tracking.exercise.ExerciseSession;
import org.backcare.tracking.flareup.FlareUp;
import org.backcare.tracking.medication.MedicationIntake;
import org.backcare.tracking.patient.Patients;
import org.backcare.tracking.plan.ActivePlan;
import org.backcare.tracking.plan.Prescribed;
import org.backcare.platform.problem.ProblemException;
import org.backcare.tracking.rules.Finding;
import org.backcare.tracking.rules.RuleEngine;
import org.backcare.tracking.timeline.TimelineEntry;
import org.backcare.tracking.trend.Rollups;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records exercise sessions, medication intakes and flare-ups; each updates the timeline and rollup and runs the rules. */
@ApplicationScoped
public class ReportService {

    private final Patients patients;
    private final Rollups rollups;
    private final RuleEngine rules;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxBackdateDays;

    public ReportService(Patients patients, Rollups rollups, RuleEngine rules, AuditLog audit, ObjectMapper json,
                         Clock clock, @ConfigProperty(name = "backcare.checkin.max-backdate-days") int maxBackdateDays) {
        this.patients = patients;
        this.rollups = rollups;
        this.rules = rules;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.maxBackdateDays = maxBackdateDays;
    }

    @Transactional
    public Reports.Recorded exercise(Caller caller, UUID patientId, Reports.ExerciseSessionRequest r) {
        patients.authorized(caller, patientId, Action.REPORT);
        checkDay("day", r.day());
        if (r.sets() == null && r.minutes() == null && r.reps() == null) {
            throw ProblemException.badRequest("sets", "say what was done: sets and reps, or minutes");
        }
        ExerciseSession s = new ExerciseSession();
        s.id = UUID.randomUUID();
        s.patientId = patientId;
        s.day = r.day();
        s.exercise = r.exercise();
        s.sets = r.sets();
        s.reps = r.reps();
        s.minutes = r.minutes();
        s.painBefore = r.painBefore();
        s.painAfter = r.painAfter();
        s.note = r.note();
        s.recordedBy = caller.subject();
        s.recordedAt = Instant.now(clock);
        s.persist();
        rollups.exerciseSession(patientId, r.day());
        Map<String, Object> summary = new HashMap<>();
        summary.put("exercise", s.exercise);
        summary.put("painBefore", s.painBefore);
        summary.put("painAfter", s.painAfter);
        TimelineEntry.add(patientId, s.recordedAt, "exercise-session", s.id, summary);
        return done(caller, patientId, s.id, "exercise " + s.exercise);
    }

    @Transactional
    public Reports.Recorded medication(Caller caller, UUID patientId, Reports.MedicationIntakeRequest r)
            throws JsonProcessingException {
        patients.authorized(caller, patientId, Action.REPORT);
        Instant now = Instant.now(clock);
        if (r.takenAt().isAfter(now.plusSeconds(300))) {
            throw ProblemException.badRequest("takenAt", "an intake cannot be in the future");
        }
        LocalDate day = LocalDate.ofInstant(r.takenAt(), clock.getZone());
        checkDay("takenAt", day);
        MedicationIntake m = new MedicationIntake();
        m.id = UUID.randomUUID();
        m.patientId = patientId;
        m.takenAt = r.takenAt();
        m.day = day;
        m.drug = r.drug().strip();
        m.dose = r.dose();
        m.unit = r.unit().strip();
        m.sideEffects = r.sideEffects() == null ? List.of() : r.sideEffects().stream().map(Coded::code).sorted().toList();
        m.recordedBy = caller.subject();
        m.recordedAt = now;
        m.persist();
        ActivePlan plan = ActivePlan.findById(patientId);
        String drugClass = plan == null ? null : Prescribed.drugClass(json.readTree(plan.medications), m.drug);
        rollups.medicationIntake(patientId, day, "nsaid".equals(drugClass) ? m.dose : null);
        TimelineEntry.add(patientId, m.takenAt, "medication-intake", m.id,
                Map.of("drug", m.drug, "dose", m.dose, "unit", m.unit, "sideEffects", m.sideEffects));
        return done(caller, patientId, m.id, "medication " + m.drug);
    }

    @Transactional
    public Reports.Recorded flareUp(Caller caller, UUID patientId, Reports.FlareUpRequest r) {
        patients.authorized(caller, patientId, Action.REPORT);
        LocalDate today = LocalDate.now(clock);
        if (r.startedOn().isAfter(today)) {
            throw ProblemException.badRequest("startedOn", "a flare-up cannot start in the future");
        }
        if (r.endedOn() != null && (r.endedOn().isBefore(r.startedOn()) || r.endedOn().isAfter(today))) {
            throw ProblemException.badRequest("endedOn", "must be between the start and today");
        }
        FlareUp f = new FlareUp();
        f.id = UUID.randomUUID();
        f.patientId = patientId;
        f.startedOn = r.startedOn();
        f.endedOn = r.endedOn();
        f.whatHelped = r.whatHelped();
        f.note = r.note();
        f.recordedBy = caller.subject();
        f.recordedAt = Instant.now(clock);
        f.persist();
        Map<String, Object> summary = new HashMap<>();
        summary.put("startedOn", f.startedOn.toString());
        summary.put("endedOn", f.endedOn == null ? null : f.endedOn.toString());
        summary.put("whatHelped", f.whatHelped);
        TimelineEntry.add(patientId, f.recordedAt, "flare-up", f.id, summary);
        audit.record(caller, AuditAction.REPORT_RECORD, patientId, "flare-up");
        return new Reports.Recorded(f.id, List.of());
    }

    private Reports.Recorded done(Caller caller, UUID patientId, UUID id, String what) {
        List<Finding> raised = rules.evaluate(patientId);
        audit.record(caller, AuditAction.REPORT_RECORD, patientId, what);
        return new Reports.Recorded(id, raised.stream().map(f -> f.type().code()).toList());
    }

    private void checkDay(String field, LocalDate day) {
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today)) {
            throw ProblemException.badRequest(field, "cannot be in the future");
        }
        if (day.isBefore(today.minusDays(maxBackdateDays))) {
            throw ProblemException.badRequest(field, "can be backdated at most " + maxBackdateDays + " days");
        }
    }
}
