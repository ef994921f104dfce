package org.backcare.tracking.trend;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A patient's window of daily entries, summarised. Every decimal has 2 decimals (HALF_UP); a value is {@code null}
 * when nothing in the window allows computing it.
 *
 * @param from                       first day of the window (inclusive)
 * @param to                         last day of the window (inclusive)
 * @param days                       calendar days in the window, {@code to − from + 1}
 * @param daysLogged                 days of the window with an entry
 * @param meanPain                   mean of the logged pain scores
 * @param minPain                    lowest logged pain score
 * @param maxPain                    highest logged pain score
 * @param slopePerDay                least-squares slope of pain over the day's offset from {@code from}, in NRS points
 *                                   per day (negative: pain falling); {@code null} with fewer than 2 pain scores
 * @param exerciseAdherencePercent   exercise sessions done / prescribed × 100 over the days with a prescription,
 *                                   capped at 100; {@code null} if nothing was prescribed
 * @param medicationAdherencePercent medication doses taken / prescribed × 100, the same way
 * @param meanSleepHours             mean of the logged sleep hours
 * @param meanSleepQuality           mean of the logged sleep quality (0..10)
 * @param verdict                    improving, stable, worsening against the baseline, or insufficient data
 * @param verdictReason              the verdict in words, with the numbers that decided it
 */
public record TrendSummary(LocalDate from, LocalDate to, int days, int daysLogged, BigDecimal meanPain,
                           Integer minPain, Integer maxPain, BigDecimal slopePerDay,
                           BigDecimal exerciseAdherencePercent, BigDecimal medicationAdherencePercent,
                           BigDecimal meanSleepHours, BigDecimal meanSleepQuality, Verdict verdict,
                           String verdictReason) {
}
