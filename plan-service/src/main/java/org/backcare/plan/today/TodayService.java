package org.backcare.plan.today;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.plan.access.PlanAccess.Action;
import org.backcare.plan.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.plan.assessment.Assessments;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.plan.PlanService;
import org.backcare.plan.plan.PlanStatus;
import org.backcare.platform.problem.ProblemException;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.Medications;
import org.backcare.plan.section.PlanSection;
import org.backcare.plan.section.SectionKind;
import org.backcare.plan.section.SelfManagement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** The patient's day: what the active plan asks of them today. */
@ApplicationScoped
public class TodayService {

    private final PlanService plans;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Assessments assessments;
    private final Clock clock;

    public TodayService(PlanService plans, AuditLog audit, ObjectMapper json, Assessments assessments, Clock clock) {
        this.assessments = assessments;
        this.plans = plans;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public TodaySchedule.Today today(Caller caller, UUID patientId, LocalDate date) throws JsonProcessingException {
        plans.patient(caller, patientId, Action.READ);
        Plan plan = Plan.<Plan>find("patientId = ?1 and status = ?2", patientId, PlanStatus.ACTIVE).firstResult();
        if (plan == null) {
            throw ProblemException.notFound("an active plan for patient " + patientId);
        }
        LocalDate day = date != null ? date : LocalDate.now(clock);
        audit.record(caller, AuditAction.TODAY_READ, patientId, plan.id + " " + day);
        return TodaySchedule.on(day, plan.startDate, read(plan, SectionKind.EXERCISES, ExerciseProgram.class),
                read(plan, SectionKind.MEDICATIONS, Medications.class),
                read(plan, SectionKind.SELF_MANAGEMENT, SelfManagement.class), assessments.open(plan, day));
    }

    private <T> T read(Plan plan, SectionKind kind, Class<T> type) throws JsonProcessingException {
        PlanSection section = PlanSection.findById(new PlanSection.Key(plan.id, kind));
        // Stored content is read leniently: a field written by an older version must not make it unreadable.
        return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(section.content);
    }
}
