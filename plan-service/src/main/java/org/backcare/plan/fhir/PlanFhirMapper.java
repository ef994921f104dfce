package org.backcare.plan.fhir;

import org.backcare.plan.exercise.Exercise;
import org.backcare.plan.exercise.ExerciseCatalogue;
import org.backcare.plan.medication.Drug;
import org.backcare.plan.medication.Formulary;
import org.backcare.plan.medication.Prescription;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.plan.PlanStatus;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.Frequency;
import org.backcare.plan.section.GoalStatus;
import org.backcare.plan.section.Goals;
import org.backcare.plan.section.SelfManagement;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * Maps a plan and its sections to FHIR R4 resources: the plan is a CarePlan, each SMART goal a Goal and each
 * prescription a MedicationRequest. Plain code, so it is tested (and validated) without Quarkus.
 */
public final class PlanFhirMapper {

    /** The clinic's formulary codes ({@code GET /formulary}); the display is the drug's name. */
    public static final String FORMULARY_SYSTEM = "https://backcare.example/fhir/CodeSystem/formulary";
    /** The exercise catalogue codes ({@code GET /exercise-catalogue}). */
    public static final String EXERCISE_SYSTEM = "https://backcare.example/fhir/CodeSystem/exercise-catalogue";
    public static final String UCUM = "http://unitsofmeasure.org";
    static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";

    private PlanFhirMapper() {
    }

    /** Every resource a plan produces: the CarePlan, then its Goals and MedicationRequests. */
    public static List<Resource> all(PlanParts parts) {
        List<Resource> all = new ArrayList<>();
        all.add(carePlan(parts));
        all.addAll(goals(parts));
        all.addAll(medicationRequests(parts));
        return all;
    }

    public static CarePlan carePlan(PlanParts parts) {
        Plan plan = parts.plan();
        CarePlan care = new CarePlan();
        care.setId(plan.id.toString());
        care.setMeta(meta(plan));
        care.setStatus(switch (plan.status) {
            case DRAFT -> CarePlan.CarePlanStatus.DRAFT;
            case ACTIVE -> CarePlan.CarePlanStatus.ACTIVE;
            case ON_HOLD -> CarePlan.CarePlanStatus.ONHOLD;
            case COMPLETED -> CarePlan.CarePlanStatus.COMPLETED;
            case DISCONTINUED -> CarePlan.CarePlanStatus.REVOKED;
        });
        care.setIntent(CarePlan.CarePlanIntent.PLAN);
        care.setTitle(plan.title);
        if (plan.template != null) {
            care.setDescription("Chronic back pain care plan from the " + plan.template + " template");
        }
        care.setSubject(patient(plan));
        // The period runs from the start to the next scheduled review of the plan.
        if (plan.startDate != null || plan.reviewDate != null) {
            Period period = new Period();
            if (plan.startDate != null) {
                period.setStartElement(dateTime(plan.startDate));
            }
            if (plan.reviewDate != null && (plan.startDate == null || !plan.reviewDate.isBefore(plan.startDate))) {
                period.setEndElement(dateTime(plan.reviewDate));
            }
            care.setPeriod(period);
        }
        if (plan.createdAt != null) {
            care.setCreatedElement(instantDateTime(plan.createdAt));
        }
        for (int i = 0; i < parts.goals().goals().size(); i++) {
            care.addGoal(new Reference("Goal/" + FhirIds.goal(plan.id, i)));
        }
        CarePlanActivityStatus activityStatus = activityStatus(plan.status);
        for (ExerciseProgram.PrescribedExercise exercise : parts.exercises().exercises()) {
            String name = ExerciseCatalogue.find(exercise.exercise()).map(Exercise::name).orElse(exercise.exercise());
            CarePlanActivityDetailComponent detail = care.addActivity().getDetail();
            detail.setStatus(activityStatus);
            detail.setCode(new CodeableConcept(new Coding(EXERCISE_SYSTEM, exercise.exercise(), name)).setText(name));
            detail.setDescription(name + ": " + doseText(exercise.dose())
                    + (exercise.progressionRule() != null ? ". " + exercise.progressionRule() : ""));
            if (exercise.dose() != null && exercise.dose().sessionsPerWeek() != null) {
                detail.setScheduled(timing(exercise.dose().sessionsPerWeek(), 1, UnitsOfTime.WK));
            }
        }
        SelfManagement self = parts.selfManagement();
        if (self != null) {
            for (SelfManagement.PacingGoal pacing : nonNull(self.pacing())) {
                selfCare(care, activityStatus, pacing.activity() + " " + pacing.minutes() + " minutes "
                        + pacing.frequency().code().replace('-', ' '), pacing.frequency());
            }
            for (SelfManagement.Practice practice : nonNull(self.stressPractices())) {
                selfCare(care, activityStatus, practice.practice() + " " + practice.minutes() + " minutes "
                        + practice.frequency().code().replace('-', ' '), practice.frequency());
            }
        }
        for (Prescription rx : parts.medications().medications()) {
            if (rx.id() != null) {
                care.addActivity().setReference(new Reference("MedicationRequest/" + rx.id()));
            }
        }
        if (parts.medications().notes() != null && !parts.medications().notes().isBlank()) {
            care.addNote(new Annotation().setText(parts.medications().notes()));
        }
        if (parts.exercises().notes() != null && !parts.exercises().notes().isBlank()) {
            care.addNote(new Annotation().setText(parts.exercises().notes()));
        }
        return care;
    }

    public static List<Goal> goals(PlanParts parts) {
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < parts.goals().goals().size(); i++) {
            goals.add(goal(parts, i));
        }
        return goals;
    }

    public static Goal goal(PlanParts parts, int index) {
        Plan plan = parts.plan();
        Goals.Goal smart = parts.goals().goals().get(index);
        Goal goal = new Goal();
        goal.setId(FhirIds.goal(plan.id, index));
        goal.setMeta(meta(plan));
        GoalStatus status = smart.status() != null ? smart.status() : GoalStatus.OPEN;
        goal.setLifecycleStatus(lifecycle(status, plan.status));
        String achievement = switch (status) {
            case OPEN -> "in-progress";
            case ACHIEVED -> "achieved";
            case PARTLY_ACHIEVED -> "improving";
            case NOT_ACHIEVED -> "not-achieved";
            case DROPPED -> null;
        };
        if (achievement != null) {
            goal.setAchievementStatus(new CodeableConcept(new Coding(GOAL_ACHIEVEMENT, achievement, null)));
        }
        goal.setDescription(new CodeableConcept().setText(smart.what()));
        goal.setSubject(patient(plan));
        if (plan.startDate != null) {
            goal.setStart(date(plan.startDate));
        }
        Goal.GoalTargetComponent target = goal.addTarget();
        if (smart.measure() != null) {
            target.setMeasure(new CodeableConcept().setText(smart.measure()));
        }
        if (smart.target() != null) {
            target.setDetail(new org.hl7.fhir.r4.model.StringType(smart.target()));
        }
        if (smart.dueDate() != null) {
            target.setDue(date(smart.dueDate()));
        }
        return goal;
    }

    public static List<MedicationRequest> medicationRequests(PlanParts parts) {
        List<MedicationRequest> requests = new ArrayList<>();
        for (Prescription rx : parts.medications().medications()) {
            if (rx.id() != null) {
                requests.add(medicationRequest(parts, rx));
            }
        }
        return requests;
    }

    public static MedicationRequest medicationRequest(PlanParts parts, Prescription rx) {
        Plan plan = parts.plan();
        MedicationRequest request = new MedicationRequest();
        request.setId(rx.id().toString());
        request.setMeta(meta(plan));
        request.setStatus(switch (plan.status) {
            case DRAFT -> MedicationRequest.MedicationRequestStatus.DRAFT;
            case ACTIVE -> MedicationRequest.MedicationRequestStatus.ACTIVE;
            case ON_HOLD -> MedicationRequest.MedicationRequestStatus.ONHOLD;
            case COMPLETED -> MedicationRequest.MedicationRequestStatus.COMPLETED;
            case DISCONTINUED -> MedicationRequest.MedicationRequestStatus.STOPPED;
        });
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        Drug drug = Formulary.find(rx.drug()).orElse(null);
        String name = drug != null ? drug.name() : rx.drug();
        request.setMedication(new CodeableConcept(new Coding(FORMULARY_SYSTEM, rx.drug(), name)).setText(name));
        request.setSubject(patient(plan));
        request.addBasedOn(new Reference("CarePlan/" + plan.id));
        if (rx.justification() != null && !rx.justification().isBlank()) {
            request.addReasonCode(new CodeableConcept().setText(rx.justification()));
        }

        Dosage dosage = request.addDosageInstruction();
        dosage.setSequence(1);
        dosage.setText(dosageText(rx));
        if (rx.instructions() != null && !rx.instructions().isBlank()) {
            dosage.setPatientInstruction(rx.instructions());
        }
        Timing timing = new Timing();
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        if (rx.asNeeded()) {
            if (rx.maxDosesPerDay() != null) {
                repeat.setFrequency(1).setFrequencyMax(rx.maxDosesPerDay()).setPeriod(1).setPeriodUnit(UnitsOfTime.D);
            }
        } else if (rx.timesPerDay() != null) {
            repeat.setFrequency(rx.timesPerDay()).setPeriod(1).setPeriodUnit(UnitsOfTime.D);
        }
        if (rx.startDate() != null) {
            Period bounds = new Period().setStartElement(dateTime(rx.startDate()));
            if (rx.endDate() != null && !rx.endDate().isBefore(rx.startDate())) {
                bounds.setEndElement(dateTime(rx.endDate()));
            }
            repeat.setBounds(bounds);
        }
        dosage.setTiming(timing);
        dosage.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(rx.asNeeded()));
        if (rx.dose() != null) {
            dosage.addDoseAndRate().setDose(quantity(rx.dose(), rx.unit()));
        }
        BigDecimal max = rx.maxDailyDose();
        if (max != null) {
            // The formulary's maximum daily dose of the drug: at most this much per 1 day.
            dosage.setMaxDosePerPeriod(new Ratio().setNumerator(quantity(max, drug.unit()))
                    .setDenominator(new Quantity().setValue(1).setUnit("day").setSystem(UCUM).setCode("d")));
        }
        return request;
    }

    static String dosageText(Prescription rx) {
        StringBuilder text = new StringBuilder();
        text.append(rx.dose() == null ? "" : rx.dose().stripTrailingZeros().toPlainString() + " " + rx.unit());
        if (rx.asNeeded()) {
            text.append(" when needed");
            if (rx.maxDosesPerDay() != null) {
                text.append(", at most ").append(rx.maxDosesPerDay()).append(" times a day");
            }
        } else if (rx.timesPerDay() != null) {
            text.append(" ").append(rx.timesPerDay()).append(rx.timesPerDay() == 1 ? " time" : " times").append(" a day");
        }
        return text.toString().trim();
    }

    static String doseText(ExerciseProgram.Dose dose) {
        if (dose == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (dose.sets() != null && dose.reps() != null) {
            parts.add(dose.sets() + " x " + dose.reps() + " reps");
        }
        if (dose.holdSeconds() != null) {
            parts.add("hold " + dose.holdSeconds() + " s");
        }
        if (dose.minutes() != null) {
            parts.add(dose.minutes() + " minutes");
        }
        if (dose.sessionsPerWeek() != null) {
            parts.add(dose.sessionsPerWeek() + " sessions a week");
        }
        return String.join(", ", parts);
    }

    private static void selfCare(CarePlan care, CarePlanActivityStatus status, String description, Frequency frequency) {
        CarePlanActivityDetailComponent detail = care.addActivity().getDetail();
        detail.setStatus(status);
        detail.setDescription(description);
        if (frequency != null) {
            detail.setScheduled(switch (frequency) {
                case DAILY -> timing(1, 1, UnitsOfTime.D);
                case EVERY_OTHER_DAY -> timing(1, 2, UnitsOfTime.D);
                case WEEKLY -> timing(1, 1, UnitsOfTime.WK);
            });
        }
    }

    private static GoalLifecycleStatus lifecycle(GoalStatus status, PlanStatus plan) {
        return switch (status) {
            case ACHIEVED, NOT_ACHIEVED -> GoalLifecycleStatus.COMPLETED;
            case DROPPED -> GoalLifecycleStatus.CANCELLED;
            case OPEN, PARTLY_ACHIEVED -> switch (plan) {
                case DRAFT -> GoalLifecycleStatus.PROPOSED;
                case ACTIVE -> GoalLifecycleStatus.ACTIVE;
                case ON_HOLD -> GoalLifecycleStatus.ONHOLD;
                case COMPLETED -> GoalLifecycleStatus.COMPLETED;
                case DISCONTINUED -> GoalLifecycleStatus.CANCELLED;
            };
        };
    }

    private static CarePlanActivityStatus activityStatus(PlanStatus status) {
        return switch (status) {
            case DRAFT -> CarePlanActivityStatus.NOTSTARTED;
            case ACTIVE -> CarePlanActivityStatus.INPROGRESS;
            case ON_HOLD -> CarePlanActivityStatus.ONHOLD;
            case COMPLETED -> CarePlanActivityStatus.COMPLETED;
            case DISCONTINUED -> CarePlanActivityStatus.STOPPED;
        };
    }

    static Meta meta(Plan plan) {
        Meta meta = new Meta().setVersionId(Integer.toString(plan.revision));
        if (plan.updatedAt != null) {
            meta.setLastUpdated(Date.from(plan.updatedAt));
        }
        return meta;
    }

    private static Reference patient(Plan plan) {
        return new Reference("Patient/" + plan.patientId);
    }

    private static Timing timing(int frequency, int period, UnitsOfTime unit) {
        Timing timing = new Timing();
        timing.getRepeat().setFrequency(frequency).setPeriod(period).setPeriodUnit(unit);
        return timing;
    }

    private static Quantity quantity(BigDecimal value, String unit) {
        return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    static DateType date(LocalDate date) {
        return new DateType(date.toString());
    }

    static DateTimeType dateTime(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    static DateTimeType instantDateTime(Instant instant) {
        DateTimeType value = new DateTimeType(Date.from(instant), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI,
                TimeZone.getTimeZone(ZoneOffset.UTC));
        return value;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
