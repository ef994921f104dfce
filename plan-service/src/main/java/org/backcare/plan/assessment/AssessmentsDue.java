package org.backcare.plan.assessment;

import org.backcare.plan.section.AssessmentSchedule.ScheduledAssessment;
import org.backcare.plan.section.Discipline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which scheduled assessments are open on a day. Plain Java, unit-tested at the boundaries. Weeks count from the
 * plan's start (week 0, the intake). Only the latest occurrence up to the day counts: a PHQ-9 missed at week 4 is
 * replaced by the one of week 8, so the patient is never asked for two. An occurrence is done once the instrument
 * was completed on or after its due day; the intake also accepts a result from the four weeks before the start,
 * because intake questionnaires (STarT Back above all) are usually what the plan was built on. Not done within
 * {@link #GRACE_DAYS} days after the due day, it is overdue.
 */
public final class AssessmentsDue {

    /** Days after the due day before an open assessment counts as overdue. */
    public static final int GRACE_DAYS = 3;
    /** How long before the start an intake result still counts for the intake. */
    public static final int INTAKE_LOOKBACK_DAYS = 28;

    /** An assessment that is due (or overdue) and not done yet. */
    public record Occurrence(Instrument instrument, Discipline discipline, LocalDate dueDay, boolean overdue,
                             long daysOverdue) {
    }

    private AssessmentsDue() {
    }

    /**
     * The open assessments on {@code day}, by due day; {@code completed} are the days each instrument was completed.
     * Nothing is due before the start or without one.
     */
    public static List<Occurrence> open(LocalDate start, List<ScheduledAssessment> schedule,
                                        Map<Instrument, List<LocalDate>> completed, LocalDate day) {
        List<Occurrence> open = new ArrayList<>();
        if (start == null) {
            return open;
        }
        for (ScheduledAssessment entry : schedule) {
            Optional<LocalDate> due = latestDueDay(entry, start, day);
            if (due.isEmpty() || done(due.get(), start, completed.getOrDefault(entry.instrument(), List.of()))) {
                continue;
            }
            LocalDate dueDay = due.get();
            boolean duplicate = open.stream().anyMatch(o -> o.instrument() == entry.instrument() && o.dueDay().equals(dueDay));
            if (!duplicate) {
                long late = ChronoUnit.DAYS.between(dueDay, day);
                open.add(new Occurrence(entry.instrument(), entry.discipline(), dueDay, late > GRACE_DAYS, late));
            }
        }
        open.sort(Comparator.comparing(Occurrence::dueDay).thenComparing(o -> o.instrument().code()));
        return open;
    }

    /** The last day on or before {@code day} the entry falls due, if any. */
    static Optional<LocalDate> latestDueDay(ScheduledAssessment entry, LocalDate start, LocalDate day) {
        long daysSinceStart = ChronoUnit.DAYS.between(start, day);
        if (daysSinceStart < 0) {
            return Optional.empty();
        }
        long latestWeek = -1;
        if (entry.atWeeks() != null) {
            for (Integer week : entry.atWeeks()) {
                if (week != null && week * 7L <= daysSinceStart) {
                    latestWeek = Math.max(latestWeek, week);
                }
            }
        }
        if (entry.everyWeeks() != null && entry.everyWeeks() > 0) {
            long period = entry.everyWeeks() * 7L;
            latestWeek = Math.max(latestWeek, daysSinceStart / period * entry.everyWeeks());
        }
        return latestWeek < 0 ? Optional.empty() : Optional.of(start.plusWeeks(latestWeek));
    }

    private static boolean done(LocalDate dueDay, LocalDate start, List<LocalDate> completions) {
        LocalDate from = dueDay.equals(start) ? dueDay.minusDays(INTAKE_LOOKBACK_DAYS) : dueDay;
        return completions.stream().anyMatch(d -> !d.isBefore(from));
    }
}
