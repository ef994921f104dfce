package org.backcare.plan.today;

import org.backcare.plan.medication.Prescription;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.ExerciseProgram.Dose;
import org.backcare.plan.section.ExerciseProgram.PrescribedExercise;
import org.backcare.plan.section.Frequency;
import org.backcare.plan.section.Medications;
import org.backcare.plan.section.SelfManagement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TodayScheduleTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void sessionsPerWeekAreSpreadOverFixedDays() {
        for (int n = 1; n <= 7; n++) {
            int sessions = n;
            long due = IntStream.range(0, 7).filter(d -> TodaySchedule.exerciseDue(sessions, MONDAY.plusDays(d))).count();
            assertThat(due).as(n + " sessions a week").isEqualTo(n);
        }
        assertThat(TodaySchedule.exerciseDue(3, MONDAY.with(DayOfWeek.WEDNESDAY))).isTrue();
        assertThat(TodaySchedule.exerciseDue(3, MONDAY)).isFalse();
        assertThat(TodaySchedule.exerciseDue(14, MONDAY)).isTrue();
    }

    @Test
    void everyOtherDayCountsFromThePlanStart() {
        assertThat(TodaySchedule.due(Frequency.EVERY_OTHER_DAY, MONDAY, MONDAY)).isTrue();
        assertThat(TodaySchedule.due(Frequency.EVERY_OTHER_DAY, MONDAY, MONDAY.plusDays(1))).isFalse();
        assertThat(TodaySchedule.due(Frequency.EVERY_OTHER_DAY, MONDAY, MONDAY.plusDays(2))).isTrue();
        assertThat(TodaySchedule.due(Frequency.WEEKLY, MONDAY, MONDAY.plusDays(7))).isTrue();
        assertThat(TodaySchedule.due(Frequency.WEEKLY, MONDAY, MONDAY.plusDays(8))).isFalse();
    }

    @Test
    void todayListsDueExercisesActiveMedicationsAndSelfCare() {
        ExerciseProgram exercises = new ExerciseProgram(List.of(
                new PrescribedExercise("bird-dog", new Dose(2, 8, null, 3, 7), null, null, null),
                new PrescribedExercise("swimming", new Dose(null, null, null, 30, 1), null, null, null)), null);
        Medications medications = new Medications(List.of(
                prescription("naproxen", MONDAY.minusDays(3), MONDAY.minusDays(1)),
                prescription("gabapentin", MONDAY.minusDays(3), null)), null);
        SelfManagement selfManagement = new SelfManagement(
                List.of(new SelfManagement.PacingGoal("Walk", 12, Frequency.EVERY_OTHER_DAY, null)), null,
                List.of(new SelfManagement.Practice("Breathing", 10, Frequency.DAILY)), null, List.of());

        TodaySchedule.Today today = TodaySchedule.on(MONDAY, MONDAY.minusDays(2), exercises, medications, selfManagement,
                List.of());

        assertThat(today.exercises()).extracting(TodaySchedule.ExerciseTask::exercise).containsExactly("bird-dog");
        assertThat(today.exercises().get(0).name()).isEqualTo("Bird-dog");
        assertThat(today.medications()).extracting(TodaySchedule.MedicationTask::drug).containsExactly("gabapentin");
        assertThat(today.selfManagement()).extracting(TodaySchedule.SelfCareTask::what).containsExactly("Walk", "Breathing");
    }

    private static Prescription prescription(String drug, LocalDate start, LocalDate end) {
        return new Prescription(UUID.randomUUID(), drug, BigDecimal.valueOf(100), "mg", 1, false, null, start, end, null,
                null, Set.of(), null);
    }
}
