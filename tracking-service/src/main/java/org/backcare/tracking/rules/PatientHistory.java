package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the alert rules look at for one patient, as of {@code today}. Collections are copied and unmodifiable.
 *
 * @param today                          the day the rules are evaluated for
 * @param dailyPain                      pain (0..10) per logged day; missing days are simply absent
 * @param redFlagsReportedToday          codes of red-flag symptoms reported in today's check-in
 * @param sleepQuality                   sleep quality (0 worst .. 10 best) per logged night, keyed by the day of the
 *                                       check-in that reported it
 * @param exerciseSessionsDone14d        home exercise sessions done in the last 14 days
 * @param exerciseSessionsPrescribed14d  home exercise sessions prescribed for the last 14 days
 * @param medicationDays                 what was taken, per drug and day
 * @param lastCheckIn                    the day of the last check-in, or {@code null} if the patient never checked in
 * @param trackingSince                  the day tracking started
 * @param odi                            ODI scores in chronological order; the first is the baseline
 */
public record PatientHistory(LocalDate today, SortedMap<LocalDate, Integer> dailyPain,
                             Set<String> redFlagsReportedToday, SortedMap<LocalDate, Integer> sleepQuality,
                             int exerciseSessionsDone14d, int exerciseSessionsPrescribed14d,
                             List<MedicationDay> medicationDays, LocalDate lastCheckIn, LocalDate trackingSince,
                             List<OdiPoint> odi) {

    /** One ODI score (0..100) and the day it was taken. */
    public record OdiPoint(LocalDate day, BigDecimal score) {
        public OdiPoint {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(score, "score");
            if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("an ODI score must be 0..100, was " + score + " on " + day);
            }
        }
    }

    public PatientHistory {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(trackingSince, "trackingSince");
        dailyPain = copyScores("pain", dailyPain);
        sleepQuality = copyScores("sleep quality", sleepQuality);
        redFlagsReportedToday = redFlagsReportedToday == null ? Set.of()
                : Collections.unmodifiableSet(new TreeSet<>(redFlagsReportedToday));
        if (exerciseSessionsDone14d < 0 || exerciseSessionsPrescribed14d < 0) {
            throw new IllegalArgumentException("exercise session counts must not be negative");
        }
        medicationDays = medicationDays == null ? List.of() : List.copyOf(medicationDays);
        odi = odi == null ? List.of() : List.copyOf(odi);
        for (int i = 1; i < odi.size(); i++) {
            if (odi.get(i).day().isBefore(odi.get(i - 1).day())) {
                throw new IllegalArgumentException("ODI scores must be in chronological order (the first is the "
                        + "baseline), but " + odi.get(i).day() + " follows " + odi.get(i - 1).day());
            }
        }
    }

    private static SortedMap<LocalDate, Integer> copyScores(String what, Map<LocalDate, Integer> scores) {
        TreeMap<LocalDate, Integer> copy = new TreeMap<>();
        if (scores != null) {
            scores.forEach((day, value) -> {
                Objects.requireNonNull(day, what + " day");
                if (value == null || value < 0 || value > 10) {
                    throw new IllegalArgumentException(what + " must be 0..10, was " + value + " on " + day);
                }
                copy.put(day, value);
            });
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    /** The day the patient last checked in, or the day tracking started if the patient never did. */
    public LocalDate lastCheckInOrStart() {
        return lastCheckIn != null ? lastCheckIn : trackingSince;
    }
}
