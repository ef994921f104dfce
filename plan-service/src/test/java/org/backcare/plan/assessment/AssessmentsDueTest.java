package org.backcare.plan.assessment;

import org.backcare.plan.section.AssessmentSchedule.ScheduledAssessment;
import org.backcare.plan.section.Discipline;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When a scheduled questionnaire is due, done and overdue, at the boundaries. */
class AssessmentsDueTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final ScheduledAssessment PHQ9_EVERY_4_WEEKS =
            new ScheduledAssessment(Instrument.PHQ_9, Discipline.PSYCHOLOGIST, null, 4);
    private static final ScheduledAssessment START_BACK_INTAKE_AND_WEEK_12 =
            new ScheduledAssessment(Instrument.START_BACK, Discipline.PHYSICAL_THERAPIST, List.of(0, 12), null);
    private static final LocalDate WEEK_4 = START.plusWeeks(4);

    private static List<AssessmentsDue.Occurrence> open(ScheduledAssessment entry, LocalDate day, LocalDate... completed) {
        return AssessmentsDue.open(START, List.of(entry), Map.of(entry.instrument(), List.of(completed)), day);
    }

    @Test
    void nothingIsDueBeforeTheStartOrWithoutOne() {
        assertThat(open(PHQ9_EVERY_4_WEEKS, START.minusDays(1))).isEmpty();
        assertThat(AssessmentsDue.open(null, List.of(PHQ9_EVERY_4_WEEKS), Map.of(), START)).isEmpty();
    }

    @Test
    void everyNWeeksIsDueAtTheIntakeAndOnEachNthWeek() {
        assertThat(open(PHQ9_EVERY_4_WEEKS, START)).singleElement()
                .satisfies(o -> assertThat(o.dueDay()).isEqualTo(START));
        assertThat(open(PHQ9_EVERY_4_WEEKS, WEEK_4.minusDays(1), START)).isEmpty();
        assertThat(open(PHQ9_EVERY_4_WEEKS, WEEK_4, START)).singleElement()
                .satisfies(o -> {
                    assertThat(o.dueDay()).isEqualTo(WEEK_4);
                    assertThat(o.discipline()).isEqualTo(Discipline.PSYCHOLOGIST);
                    assertThat(o.overdue()).isFalse();
                });
    }

    @Test
    void completedOnOrAfterTheDueDayClearsItTheDayBeforeDoesNot() {
        assertThat(open(PHQ9_EVERY_4_WEEKS, WEEK_4.plusDays(1), WEEK_4)).isEmpty();
        assertThat(open(PHQ9_EVERY_4_WEEKS, WEEK_4.plusDays(2), WEEK_4.plusDays(1))).isEmpty();
        assertThat(open(PHQ9_EVERY_4_WEEKS, WEEK_4.plusDays(1), WEEK_4.minusDays(1))).hasSize(1);
    }

    @Test
    void overdueOnlyAfterThreeDaysOfGrace() {
        assertThat(open(PHQ9_EVERY_4_WEEKS, WEEK_4.plusDays(3), START)).singleElement()
                .satisfies(o -> assertThat(o.overdue()).isFalse());
        assertThat(open(PHQ9_EVERY_4_WEEKS, WEEK_4.plusDays(4), START)).singleElement()
                .satisfies(o -> {
                    assertThat(o.overdue()).isTrue();
                    assertThat(o.daysOverdue()).isEqualTo(4);
                });
    }

    @Test
    void aMissedOccurrenceIsReplacedByTheNextOne() {
        LocalDate week8 = START.plusWeeks(8);
        assertThat(open(PHQ9_EVERY_4_WEEKS, week8, START)).singleElement()
                .satisfies(o -> {
                    assertThat(o.dueDay()).isEqualTo(week8);
                    assertThat(o.overdue()).isFalse();
                });
    }

    @Test
    void atWeeksAreDueOnTheirWeekAndStayOpenUntilDone() {
        LocalDate week12 = START.plusWeeks(12);
        assertThat(open(START_BACK_INTAKE_AND_WEEK_12, week12.minusDays(1), START)).isEmpty();
        assertThat(open(START_BACK_INTAKE_AND_WEEK_12, week12, START)).singleElement()
                .satisfies(o -> assertThat(o.dueDay()).isEqualTo(week12));
        // Not done: still open, and overdue, long after week 12 (no later occurrence replaces it).
        assertThat(open(START_BACK_INTAKE_AND_WEEK_12, week12.plusWeeks(10), START)).singleElement()
                .satisfies(o -> assertThat(o.daysOverdue()).isEqualTo(70));
    }

    @Test
    void theIntakeAcceptsAResultFromTheFourWeeksBeforeTheStart() {
        assertThat(open(START_BACK_INTAKE_AND_WEEK_12, START, START.minusDays(28))).isEmpty();
        assertThat(open(START_BACK_INTAKE_AND_WEEK_12, START, START.minusDays(29))).hasSize(1);
        // ...but a later occurrence needs a result of its own.
        assertThat(open(START_BACK_INTAKE_AND_WEEK_12, START.plusWeeks(12), START.minusDays(1))).hasSize(1);
    }

    @Test
    void twoEntriesOfOneInstrumentDueTheSameDayAreOneTask() {
        ScheduledAssessment week4 = new ScheduledAssessment(Instrument.PHQ_9, Discipline.PHYSICIAN, List.of(4), null);
        assertThat(AssessmentsDue.open(START, List.of(PHQ9_EVERY_4_WEEKS, week4), Map.of(), WEEK_4)).hasSize(1);
    }
}
