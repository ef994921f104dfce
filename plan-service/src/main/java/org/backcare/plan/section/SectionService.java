package org.backcare.plan.section;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.backcare.platform.access.Caller;
import org.backcare.plan.access.PlanAccess.Action;
import org.backcare.plan.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.web.ETags;
import org.backcare.plan.exercise.ExerciseCatalogue;
import org.backcare.plan.medication.Formulary;
import org.backcare.plan.medication.MedicationSafety;
import org.backcare.plan.medication.MedicationSafetyProblem;
import org.backcare.plan.medication.Prescription;
import org.backcare.plan.medication.SafetyIssue;
import org.backcare.plan.medication.SafetyReport;
import org.backcare.plan.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.patients.PatientProjection;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.plan.PlanService;
import org.backcare.plan.plan.PlanView;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and changes one section of a plan. Each section has its own version, so clinicians of different
 * disciplines edit side by side; two edits of the same section with the same If-Match: one wins, one gets 412.
 */
@ApplicationScoped
public class SectionService {

    private final PlanService plans;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Validator validator;
    private final EntityManager em;
    private final Clock clock;

    public SectionService(PlanService plans, Outbox outbox, AuditLog audit, ObjectMapper json, Validator validator,
                          EntityManager em, Clock clock) {
        this.plans = plans;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.validator = validator;
        this.em = em;
        this.clock = clock;
    }

    /** The data of MedicationPrescribed, MedicationChanged and MedicationStopped. */
    public record MedicationChange(UUID planId, int revision, Prescription medication, String drugClass,
                                   String changedBy) {
    }

    @Transactional
    public SectionView read(Caller caller, UUID planId, SectionKind kind) {
        Plan plan = plans.plan(caller, planId, Action.READ, false);
        audit.record(caller, AuditAction.SECTION_READ, plan.patientId, planId + " " + kind.code());
        return plans.sectionView(section(planId, kind));
    }

    @Transactional
    public SectionView update(Caller caller, UUID planId, SectionKind kind, String ifMatch, String body)
            throws JsonProcessingException {
        Plan plan = plans.plan(caller, planId, Action.EDIT, true);
        if (!SectionOwnership.mayEdit(caller, kind)) {
            throw ProblemException.forbidden("the " + kind.code() + " section is changed by " + SectionOwnership.owner(kind));
        }
        PlanSection section = section(planId, kind);
        ETags.requireMatch(ifMatch, section.version);
        PlanService.requireOpen(plan);
        SectionContent content = parse(kind, body);
        List<MedicationEvent> medicationEvents = List.of();
        if (content instanceof ExerciseProgram program) {
            checkCatalogue(program);
        } else if (content instanceof AssessmentSchedule schedule) {
            AssessmentSchedule before = json.readerFor(AssessmentSchedule.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(section.content);
            checkEntryOwnership(caller, before, schedule);
        } else if (content instanceof Medications medications) {
            // Stored content is read leniently: a field written by an older version must not make it unreadable.
            Medications before = json.readerFor(Medications.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(section.content);
            PatientProjection patient = PatientProjection.findById(plan.patientId);
            medications = withIds(medications, before);
            checkSafety(medications, patient);
            medicationEvents = medicationEvents(before, medications);
            content = medications;
        }
        section.content = plans.write(content);
        section.updatedBy = caller.subject();
        section.updatedAt = Instant.now(clock);
        em.flush();
        String summary = kind.code() + " section revised";
        PlanView view = plans.recordRevision(plan, kind.code(), summary, caller);
        outbox.publish(EventType.PLAN_REVISED, plan.patientId,
                new PlanService.PlanChange(plan.id, plan.revision, kind.code(), summary, caller.subject(), view));
        for (MedicationEvent event : medicationEvents) {
            outbox.publish(event.type(), plan.patientId, new MedicationChange(plan.id, plan.revision,
                    event.medication(), drugClass(event.medication()), caller.subject()));
        }
        audit.record(caller, AuditAction.SECTION_UPDATE, plan.patientId, planId + " " + kind.code());
        return plans.sectionView(section);
    }

    private PlanSection section(UUID planId, SectionKind kind) {
        PlanSection section = PlanSection.findById(new PlanSection.Key(planId, kind));
        if (section == null) {
            throw ProblemException.notFound("section " + kind.code() + " of plan " + planId);
        }
        return section;
    }

    /** Reads the body as the content record of this kind and validates it; any problem is a 400 naming the field. */
    private SectionContent parse(SectionKind kind, String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw new ProblemException(ProblemType.MALFORMED, "send the section content as a JSON object");
        }
        SectionContent content = json.readValue(body, SectionContent.typeOf(kind));
        if (content == null) {
            throw new ProblemException(ProblemType.MALFORMED, "send the section content as a JSON object");
        }
        Set<ConstraintViolation<SectionContent>> violations = validator.validate(content);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return content;
    }

    private static void checkCatalogue(ExerciseProgram program) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < program.exercises().size(); i++) {
            String code = program.exercises().get(i).exercise();
            if (ExerciseCatalogue.find(code).isEmpty()) {
                errors.add(new Problem.FieldError("exercises[" + i + "].exercise",
                        "'" + code + "' is not in the exercise catalogue (GET /exercise-catalogue)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
    }

    /**
     * Each entry of the assessments schedule belongs to a discipline: the entries of the disciplines the caller does
     * not practise must come back unchanged (a physician may change any).
     */
    private static void checkEntryOwnership(Caller caller, AssessmentSchedule before, AssessmentSchedule after) {
        for (Discipline discipline : Discipline.values()) {
            if (SectionOwnership.mayEditEntry(caller, discipline)) {
                continue;
            }
            List<AssessmentSchedule.ScheduledAssessment> was = before.assessments().stream()
                    .filter(a -> a.discipline() == discipline).toList();
            List<AssessmentSchedule.ScheduledAssessment> is = after.assessments().stream()
                    .filter(a -> a.discipline() == discipline).toList();
            if (!was.equals(is)) {
                throw ProblemException.forbidden("the " + discipline.code() + "'s assessments are changed by a "
                        + discipline.code() + " or a physician; leave them as they are");
            }
        }
    }

    /** New prescriptions get an id; a prescription keeps its id across revisions so changes and stops are traceable. */
    private static Medications withIds(Medications submitted, Medications before) {
        Set<UUID> known = before.medications().stream().map(Prescription::id).collect(Collectors.toSet());
        List<Prescription> list = new ArrayList<>();
        for (int i = 0; i < submitted.medications().size(); i++) {
            Prescription p = submitted.medications().get(i);
            if (p.id() != null && !known.contains(p.id())) {
                throw ProblemException.badRequest("medications[" + i + "].id",
                        "no such medication in this plan; leave id out for a new prescription");
            }
            list.add(p.id() != null ? p : new Prescription(UUID.randomUUID(), p.drug(), p.dose(), p.unit(),
                    p.timesPerDay(), p.asNeeded(), p.maxDosesPerDay(), p.startDate(), p.endDate(), p.reviewDate(),
                    p.justification(), p.acknowledgedWarnings(), p.instructions()));
        }
        long distinct = list.stream().map(Prescription::id).distinct().count();
        if (distinct != list.size()) {
            throw ProblemException.badRequest("medications", "the same medication id appears twice");
        }
        return new Medications(list, submitted.notes());
    }

    /** Rejections, and warnings the physician has not acknowledged, stop the change with 422 listing every finding. */
    private static void checkSafety(Medications medications, PatientProjection patient) {
        SafetyReport report = MedicationSafety.check(medications.medications(), Set.copyOf(patient.comorbidities));
        if (report.acceptable(medications.medications())) {
            return;
        }
        List<SafetyIssue> unacknowledged = report.unacknowledged(medications.medications());
        List<MedicationSafetyProblem.Issue> issues = Stream.concat(
                report.rejections().stream().map(i -> new MedicationSafetyProblem.Issue(i.drug(), i.code(), i.message(), false)),
                unacknowledged.stream().map(i -> new MedicationSafetyProblem.Issue(i.drug(), i.code(), i.message(), true))).toList();
        String detail = report.rejections().isEmpty()
                ? "acknowledge these warnings by adding their codes to the prescription's acknowledgedWarnings: "
                + unacknowledged.stream().map(i -> i.drug() + " " + i.code()).collect(Collectors.joining(", "))
                : "medication rejected: " + report.rejections().stream().map(SafetyIssue::message)
                .collect(Collectors.joining("; "));
        throw MedicationSafetyProblem.refusal(detail, issues);
    }

    private record MedicationEvent(EventType type, Prescription medication) {
    }

    private static List<MedicationEvent> medicationEvents(Medications before, Medications after) {
        Map<UUID, Prescription> old = before.medications().stream()
                .collect(Collectors.toMap(Prescription::id, Function.identity()));
        Set<UUID> kept = after.medications().stream().map(Prescription::id).collect(Collectors.toSet());
        List<MedicationEvent> events = new ArrayList<>();
        for (Prescription p : after.medications()) {
            Prescription previous = old.get(p.id());
            if (previous == null) {
                events.add(new MedicationEvent(EventType.MEDICATION_PRESCRIBED, p));
            } else if (!Objects.equals(previous, p)) {
                events.add(new MedicationEvent(EventType.MEDICATION_CHANGED, p));
            }
        }
        before.medications().stream().filter(p -> !kept.contains(p.id()))
                .forEach(p -> events.add(new MedicationEvent(EventType.MEDICATION_STOPPED, p)));
        return events;
    }

    private static String drugClass(Prescription p) {
        return Formulary.find(p.drug()).map(d -> d.drugClass().code()).orElse(null);
    }
}
