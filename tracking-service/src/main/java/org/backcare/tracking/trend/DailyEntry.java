package org.backcare.tracking.trend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a patient logged for one day (one entry per logged day). Every value but the day may be missing: a patient who
 * answers only the pain question still logged the day.
 *
 * @param day                        the day the entry is for
 * @param pain                       pain on the 0..10 numeric rating scale (NRS)
 * @param exerciseSessionsDone       home exercise sessions done that day
 * @param exerciseSessionsPrescribed home exercise sessions the plan prescribed for that day
 * @param medicationDosesTaken       medication doses taken that day
 * @param medicationDosesPrescribed  medication doses the plan prescribed for that day
 * @param sleepHours                 hours slept the night before, 0..24
 * @param sleepQuality               sleep quality the night before, 0 (worst) .. 10 (best)
 */
public record DailyEntry(LocalDate day, Integer pain, Integer exerciseSessionsDone, Integer exerciseSessionsPrescribed,
                         Integer medicationDosesTaken, Integer medicationDosesPrescribed, BigDecimal sleepHours,
                         Integer sleepQuality) {

    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);

    public DailyEntry {
        Objects.requireNonNull(day, "day");
        requireRange("pain", pain, 0, 10);
        requireRange("sleepQuality", sleepQuality, 0, 10);
        requireRange("exerciseSessionsDone", exerciseSessionsDone, 0, Integer.MAX_VALUE);
        requireRange("exerciseSessionsPrescribed", exerciseSessionsPrescribed, 0, Integer.MAX_VALUE);
        requireRange("medicationDosesTaken", medicationDosesTaken, 0, Integer.MAX_VALUE);
        requireRange("medicationDosesPrescribed", medicationDosesPrescribed, 0, Integer.MAX_VALUE);
        if (sleepHours != null && (sleepHours.signum() < 0 || sleepHours.compareTo(HOURS_PER_DAY) > 0)) {
            throw new IllegalArgumentException("sleepHours must be 0..24, was " + sleepHours + " on " + day);
        }
    }

    /** An entry with only a pain score. */
    public static DailyEntry pain(LocalDate day, int pain) {
        return new DailyEntry(day, pain, null, null, null, null, null, null);
    }

    private static void requireRange(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be " + min + ".."
                    + (max == Integer.MAX_VALUE ? "" : String.valueOf(max)) + ", was " + value);
        }
    }
}
