package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The numbers the alert rules compare with; {@link #defaults()} are the clinic's.
 *
 * @param flareAbsolutePain       today's pain at or above this is a flare (8)
 * @param flareAboveMedian        pain this far above the median of the 7 days before the day counts (2)
 * @param flareConsecutiveDays    ...on this many consecutive days, today included (2)
 * @param trendWindowDays         the trend rules compare the last this-many days with the same span before (14)
 * @param trendPoints             a trend is a change of at least this many NRS points (2)...
 * @param trendPercent            ...or of at least this percent of the earlier mean (30)
 * @param lowAdherencePercent     exercise adherence below this percent is low (50)
 * @param adherenceWindowDays     tracking must have run this many days before adherence is judged (14)
 * @param nsaidMaxConsecutiveDays NSAIDs on more consecutive days than this are overuse (10)
 * @param poorSleepQualityAtMost  a night with quality at or below this is poor (3)
 * @param poorSleepNights         this many poor nights...(5)
 * @param poorSleepWindow         ...among the last this-many nights (7)
 * @param missedCheckInDays       this many days without a check-in is missed check-ins (3)
 * @param odiChangePoints         an ODI change of at least this many points is clinically important (10)
 */
public record RuleThresholds(int flareAbsolutePain, int flareAboveMedian, int flareConsecutiveDays,
                             int trendWindowDays, BigDecimal trendPoints, BigDecimal trendPercent,
                             BigDecimal lowAdherencePercent, int adherenceWindowDays, int nsaidMaxConsecutiveDays,
                             int poorSleepQualityAtMost, int poorSleepNights, int poorSleepWindow,
                             int missedCheckInDays, BigDecimal odiChangePoints) {

    private static final RuleThresholds DEFAULTS = new RuleThresholds(8, 2, 2, 14, BigDecimal.valueOf(2),
            BigDecimal.valueOf(30), BigDecimal.valueOf(50), 14, 10, 3, 5, 7, 3, BigDecimal.TEN);

    public RuleThresholds {
        positive("flareAbsolutePain", flareAbsolutePain);
        positive("flareAboveMedian", flareAboveMedian);
        positive("flareConsecutiveDays", flareConsecutiveDays);
        positive("trendWindowDays", trendWindowDays);
        positive("trendPoints", trendPoints);
        positive("trendPercent", trendPercent);
        positive("lowAdherencePercent", lowAdherencePercent);
        positive("adherenceWindowDays", adherenceWindowDays);
        positive("nsaidMaxConsecutiveDays", nsaidMaxConsecutiveDays);
        if (poorSleepQualityAtMost < 0) {
            throw new IllegalArgumentException("poorSleepQualityAtMost must not be negative");
        }
        positive("poorSleepNights", poorSleepNights);
        positive("poorSleepWindow", poorSleepWindow);
        if (poorSleepNights > poorSleepWindow) {
            throw new IllegalArgumentException("poorSleepNights (" + poorSleepNights
                    + ") cannot exceed poorSleepWindow (" + poorSleepWindow + ")");
        }
        positive("missedCheckInDays", missedCheckInDays);
        positive("odiChangePoints", odiChangePoints);
    }

    /** The clinic's thresholds: 8, 2, 2, 14, 2, 30, 50, 14, 10, 3, 5, 7, 3, 10. */
    public static RuleThresholds defaults() {
        return DEFAULTS;
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void positive(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
