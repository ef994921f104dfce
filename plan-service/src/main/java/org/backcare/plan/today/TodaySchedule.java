package org.backcare.plan.today;

import org.backcare.plan.assessment.AssessmentsDue;
import org.backcare.plan.exercise.ExerciseCatalogue;
import org.backcare.plan.medication.Prescription;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.Frequency;
import org.backcare.plan.section.Medications;
import org.backcare.plan.section.SelfManagement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What the active plan asks of the patient on one day. Plain Java: the scheduling rules are unit-tested alone. */
public final class TodaySchedule {

    /** The day's list, in the order a patient works through it. */
    public record Today(LocalDate date, List<ExerciseTask> exercises, List<MedicationTask> medications,
                        List<SelfCareTask> selfManagement,
                        @Schema(description = "Questionnaires of the assessments schedule that are due and not done yet")
                        List<AssessmentTask> assessments) {
    }

    /** A questionnaire of the assessments schedule to fill in: due since dueDay, overdue after a grace period. */
    @Schema(name = "AssessmentTask")
    public record AssessmentTask(@Schema(example = "phq-9") String instrument,
                                 @Schema(example = "PHQ-9 (depression)") String name,
                                 @Schema(example = "2026-12-07") LocalDate dueDay,
                                 @Schema(description = "The discipline that follows it up", example = "psychologist") String discipline,
                                 boolean overdue) {
    }

    /** An exercise due today, with its instructions. */
    public record ExerciseTask(String exercise, String name, String instructions, ExerciseProgram.Dose dose,
                               ExerciseProgram.PainMonitoring painMonitoring) {
    }

    /** A medication to take today: scheduled, or as needed up to a daily number of doses. */
    public record MedicationTask(String drug, BigDecimal dose, String unit, Integer timesPerDay,
                                 boolean asNeeded, Integer maxDosesPerDay, String instructions) {
    }

    /** A pacing goal or practice due today. */
    public record SelfCareTask(String kind, String what, int minutes) {
    }

    private TodaySchedule() {
    }

    public static Today on(LocalDate day, LocalDate planStart, ExerciseProgram exercises, Medications medications,
                           SelfManagement selfManagement, List<AssessmentsDue.Occurrence> assessments) {
        LocalDate start = planStart == null ? day : planStart;
        List<ExerciseTask> exerciseTasks = exercises.exercises().stream()
                .filter(e -> exerciseDue(e.dose().sessionsPerWeek(), day))
                .map(e -> {
                    var catalogue = ExerciseCatalogue.find(e.exercise());
                    return new ExerciseTask(e.exercise(), catalogue.map(c -> c.name()).orElse(e.exercise()),
                            catalogue.map(c -> c.instructions()).orElse(null), e.dose(), e.painMonitoring());
                }).toList();
        List<MedicationTask> medicationTasks = medications.medications().stream()
                .filter(m -> activeOn(m, day))
                .map(m -> new MedicationTask(m.drug(), m.dose(), m.unit(), m.timesPerDay(), m.asNeeded(),
                        m.maxDosesPerDay(), m.instructions()))
                .toList();
        List<SelfCareTask> selfCare = new ArrayList<>();
        selfManagement.pacing().stream().filter(p -> due(p.frequency(), start, day))
                .forEach(p -> selfCare.add(new SelfCareTask("pacing", p.activity(), p.minutes())));
        selfManagement.stressPractices().stream().filter(p -> due(p.frequency(), start, day))
                .forEach(p -> selfCare.add(new SelfCareTask("practice", p.practice(), p.minutes())));
        List<AssessmentTask> assessmentTasks = assessments.stream()
                .map(a -> new AssessmentTask(a.instrument().code(), a.instrument().title(), a.dueDay(),
                        a.discipline().code(), a.overdue()))
                .toList();
        return new Today(day, exerciseTasks, medicationTasks, selfCare, assessmentTasks);
    }

    /**
     * Spreads n sessions a week evenly over Monday..Sunday: 7 or more is every day, 3 is Wednesday, Friday and
     * Sunday, 1 is Sunday. The same days every week, so patients can plan around them.
     */
    static boolean exerciseDue(int sessionsPerWeek, LocalDate day) {
        if (sessionsPerWeek >= 7) {
            return true;
        }
        int d = day.getDayOfWeek().getValue() - 1;
        return (d + 1) * sessionsPerWeek / 7 > d * sessionsPerWeek / 7;
    }

    /** Every day; every other day counted from the plan's start; weekly on the start's weekday. */
    static boolean due(Frequency frequency, LocalDate start, LocalDate day) {
        long days = ChronoUnit.DAYS.between(start, day);
        return switch (frequency) {
            case DAILY -> true;
            case EVERY_OTHER_DAY -> Math.floorMod(days, 2) == 0;
            case WEEKLY -> Math.floorMod(days, 7) == 0;
        };
    }

    static boolean activeOn(Prescription m, LocalDate day) {
        return (m.startDate() == null || !day.isBefore(m.startDate())) && (m.endDate() == null || !day.isAfter(m.endDate()));
    }
}
