package org.backcare.tracking.trend;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrendCalculatorTest {

    static final LocalDate D0 = LocalDate.of(2025, 3, 1);

    static LocalDate day(int offset) {
        return D0.plusDays(offset);
    }

    static BigDecimal bd(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /** Pain only, on consecutive days from D0. */
    static List<DailyEntry> pains(int... pains) {
        DailyEntry[] entries = new DailyEntry[pains.length];
        for (int i = 0; i < pains.length; i++) {
            entries[i] = DailyEntry.pain(day(i), pains[i]);
        }
        return List.of(entries);
    }

    static TrendSummary week(List<DailyEntry> entries, String baselinePain, String baselineOdi, String latestOdi) {
        return TrendCalculator.summarize(entries, day(0), day(6), bd(baselinePain), bd(baselineOdi), bd(latestOdi));
    }

    /**
     * The hand-computed data set: 7-day window 2025-03-01..07, 4 days logged (03-01..03-04).
     * <pre>
     * day  pain  exercise done/prescribed  doses taken/prescribed  sleep h  quality
     * 0    6     1/2                       3/3                     7.5      6
     * 1    5     1/2                       2/3                     6        4
     * 2    7     0/2                       3/3                     -        3
     * 3    4     2/2                       -/3                     5.25     -
     * </pre>
     * mean pain 22/4 = 5.50; min 4, max 7.
     * slope over x = 0,1,2,3: n=4, Σx=6, Σy=22, Σxy=0+5+14+12=31, Σx²=14;
     * (4·31 − 6·22) / (4·14 − 6²) = (124 − 132) / (56 − 36) = −8/20 = −0.40.
     * exercise 4/8 = 50.00 %; medication (3+2+3+0)/12 = 66.666... = 66.67 %.
     * sleep hours (7.5+6+5.25)/3 = 18.75/3 = 6.25; quality (6+4+3)/3 = 4.333... = 4.33.
     */
    static List<DailyEntry> handComputed() {
        return List.of(
                new DailyEntry(day(0), 6, 1, 2, 3, 3, bd("7.5"), 6),
                new DailyEntry(day(1), 5, 1, 2, 2, 3, bd("6"), 4),
                new DailyEntry(day(2), 7, 0, 2, 3, 3, null, 3),
                new DailyEntry(day(3), 4, 2, 2, null, 3, bd("5.25"), null));
    }

    @Nested
    class Statistics {

        @Test
        void handComputedDataSet() {
            TrendSummary s = week(handComputed(), "8", null, null);
            assertThat(s.from()).isEqualTo(day(0));
            assertThat(s.to()).isEqualTo(day(6));
            assertThat(s.days()).isEqualTo(7);
            assertThat(s.daysLogged()).isEqualTo(4);
            assertThat(s.meanPain()).isEqualTo(bd("5.50"));
            assertThat(s.minPain()).isEqualTo(4);
            assertThat(s.maxPain()).isEqualTo(7);
            assertThat(s.slopePerDay()).isEqualTo(bd("-0.40"));
            assertThat(s.exerciseAdherencePercent()).isEqualTo(bd("50.00"));
            assertThat(s.medicationAdherencePercent()).isEqualTo(bd("66.67"));
            assertThat(s.meanSleepHours()).isEqualTo(bd("6.25"));
            assertThat(s.meanSleepQuality()).isEqualTo(bd("4.33"));
            // baseline 8 → 5.50 is 2.50 points (31.25 %) lower: improving
            assertThat(s.verdict()).isEqualTo(Verdict.IMPROVING);
            assertThat(s.verdictReason()).contains("mean pain 5.50 vs baseline 8.00", "2.50 points", "31.3 %", "lower");
        }

        @Test
        void slopeUsesTheCalendarDayNotTheEntryIndex() {
            // pains 6,5,7,4 on days 0,1,3,6: Σx=10, Σy=22, Σxy=0+5+21+24=50, Σx²=0+1+9+36=46;
            // (4·50 − 10·22) / (4·46 − 10²) = −20/84 = −0.238... → −0.24
            List<DailyEntry> gaps = List.of(DailyEntry.pain(day(0), 6), DailyEntry.pain(day(1), 5),
                    DailyEntry.pain(day(3), 7), DailyEntry.pain(day(6), 4));
            TrendSummary s = week(gaps, null, null, null);
            assertThat(s.meanPain()).isEqualTo(bd("5.50"));
            assertThat(s.slopePerDay()).isEqualTo(bd("-0.24"));
            assertThat(s.daysLogged()).isEqualTo(4);
        }

        @Test
        void roundsHalfUp() {
            // pains 5,6,5,6,5,6,6,6: 45/8 = 5.625 → 5.63 (HALF_EVEN would give 5.62).
            // slope: Σx=28, Σy=45, Σxy=0+6+10+18+20+30+36+42=162, Σx²=140; (8·162 − 28·45)/(8·140 − 28²) = 36/336
            // = 0.10714... → 0.11
            TrendSummary s = TrendCalculator.summarize(pains(5, 6, 5, 6, 5, 6, 6, 6), day(0), day(7), null, null, null);
            assertThat(s.meanPain()).isEqualTo(bd("5.63"));
            assertThat(s.slopePerDay()).isEqualTo(bd("0.11"));
            assertThat(s.days()).isEqualTo(8);
        }

        @Test
        void risingPainHasAPositiveSlope() {
            // 2,4,6 over days 0..2: exactly +2 per day
            assertThat(week(pains(2, 4, 6), null, null, null).slopePerDay()).isEqualTo(bd("2.00"));
        }

        @Test
        void oneOrNoPainScore_hasNoSlope() {
            TrendSummary one = week(pains(6), "6", null, null);
            assertThat(one.meanPain()).isEqualTo(bd("6.00"));
            assertThat(one.slopePerDay()).isNull();

            TrendSummary none = week(List.of(), "6", null, null);
            assertThat(none.daysLogged()).isZero();
            assertThat(none.meanPain()).isNull();
            assertThat(none.minPain()).isNull();
            assertThat(none.maxPain()).isNull();
            assertThat(none.slopePerDay()).isNull();
            assertThat(none.exerciseAdherencePercent()).isNull();
            assertThat(none.medicationAdherencePercent()).isNull();
            assertThat(none.meanSleepHours()).isNull();
            assertThat(none.meanSleepQuality()).isNull();
            assertThat(none.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        }

        @Test
        void adherenceIsCappedAt100() {
            // 3 done of 2 prescribed + 2 of 2 = 5/4 = 125 % → 100.00
            List<DailyEntry> extra = List.of(
                    new DailyEntry(day(0), null, 3, 2, 2, 1, null, null),
                    new DailyEntry(day(1), null, 2, 2, 1, 1, null, null));
            TrendSummary s = week(extra, null, null, null);
            assertThat(s.exerciseAdherencePercent()).isEqualTo(bd("100.00"));
            assertThat(s.medicationAdherencePercent()).isEqualTo(bd("100.00"));
        }

        @Test
        void nothingPrescribed_meansNoAdherence() {
            List<DailyEntry> none = List.of(
                    new DailyEntry(day(0), 5, 2, null, 1, 0, null, null),
                    new DailyEntry(day(1), 5, 1, 0, null, null, null, null));
            TrendSummary s = week(none, null, null, null);
            assertThat(s.exerciseAdherencePercent()).isNull();
            assertThat(s.medicationAdherencePercent()).isNull();
        }

        @Test
        void sessionsDoneOnADayWithoutPrescription_doNotCount() {
            // day 0: 1 of 2; day 1: 3 done, nothing prescribed (not counted) → 1/2 = 50.00
            List<DailyEntry> entries = List.of(
                    new DailyEntry(day(0), null, 1, 2, null, null, null, null),
                    new DailyEntry(day(1), null, 3, null, null, null, null, null));
            assertThat(week(entries, null, null, null).exerciseAdherencePercent()).isEqualTo(bd("50.00"));
        }

        @Test
        void adherenceRoundsToTwoDecimals() {
            // 1 of 3 = 33.333... → 33.33; 2 of 3 = 66.666... → 66.67
            List<DailyEntry> entries = List.of(new DailyEntry(day(0), null, 1, 3, 2, 3, null, null));
            TrendSummary s = week(entries, null, null, null);
            assertThat(s.exerciseAdherencePercent()).isEqualTo(bd("33.33"));
            assertThat(s.medicationAdherencePercent()).isEqualTo(bd("66.67"));
        }

        @Test
        void entriesOutsideTheWindowAreIgnored() {
            List<DailyEntry> entries = List.of(DailyEntry.pain(day(-1), 10), DailyEntry.pain(day(0), 4),
                    DailyEntry.pain(day(6), 6), DailyEntry.pain(day(7), 0));
            TrendSummary s = week(entries, null, null, null);
            assertThat(s.daysLogged()).isEqualTo(2);
            assertThat(s.meanPain()).isEqualTo(bd("5.00"));
            assertThat(s.minPain()).isEqualTo(4);
            assertThat(s.maxPain()).isEqualTo(6);
        }

        @Test
        void orderOfEntriesDoesNotMatter() {
            List<DailyEntry> reversed = List.of(DailyEntry.pain(day(3), 4), DailyEntry.pain(day(2), 7),
                    DailyEntry.pain(day(1), 5), DailyEntry.pain(day(0), 6));
            TrendSummary s = week(reversed, null, null, null);
            assertThat(s.slopePerDay()).isEqualTo(bd("-0.40"));
        }

        @Test
        void oneDayWindow() {
            TrendSummary s = TrendCalculator.summarize(pains(3), day(0), day(0), null, null, null);
            assertThat(s.days()).isEqualTo(1);
            assertThat(s.daysLogged()).isEqualTo(1);
        }
    }

    @Nested
    class Verdicts {

        // pains 6,5,7,4: mean 5.50 (sum 22, n 4)

        @Test
        void painLowerByTwoPoints_isImproving() {
            // 7.5 → 5.5 is exactly −2 points (26.7 %)
            assertThat(week(pains(6, 5, 7, 4), "7.5", null, null).verdict()).isEqualTo(Verdict.IMPROVING);
        }

        @Test
        void painLowerByJustUnderTwoPointsAndUnder30Percent_isStable() {
            // 7.4 → 5.5 is −1.9 points, 25.7 %
            TrendSummary s = week(pains(6, 5, 7, 4), "7.4", null, null);
            assertThat(s.verdict()).isEqualTo(Verdict.STABLE);
            assertThat(s.verdictReason()).contains("1.90 points", "lower", "less than the pain MCID");
        }

        @Test
        void painHigherBy30Percent_isWorsening() {
            // pains 6,7,6,7: mean 6.5 vs 5 = +1.5 points, exactly +30 %
            TrendSummary s = week(pains(6, 7, 6, 7), "5", null, null);
            assertThat(s.meanPain()).isEqualTo(bd("6.50"));
            assertThat(s.verdict()).isEqualTo(Verdict.WORSENING);
            assertThat(s.verdictReason()).contains("1.50 points (30.0 %) higher", "at least the pain MCID");
        }

        @Test
        void painHigherBy25Percent_isStable() {
            // pains 6,6,6,7: mean 6.25 vs 5 = +1.25 points, +25 %
            assertThat(week(pains(6, 6, 6, 7), "5", null, null).verdict()).isEqualTo(Verdict.STABLE);
        }

        @Test
        void painLowerBy30Percent_isImproving() {
            // pains 3,4,3,4: mean 3.5 vs 5 = −1.5 points, −30 %
            assertThat(week(pains(3, 4, 3, 4), "5", null, null).verdict()).isEqualTo(Verdict.IMPROVING);
        }

        @Test
        void thresholdsUseTheExactMeanNotTheRoundedOne() {
            // pains 5,5,5,5,5,4,4: mean 33/7 = 4.7142..., shown as 4.71. vs 6.71 the shown means differ by 2.00, but
            // the exact difference is 1.9957 (29.7 %): stable. vs 6.72: 2.0057: improving.
            TrendSummary s = week(pains(5, 5, 5, 5, 5, 4, 4), "6.71", null, null);
            assertThat(s.meanPain()).isEqualTo(bd("4.71"));
            assertThat(s.verdict()).isEqualTo(Verdict.STABLE);
            assertThat(week(pains(5, 5, 5, 5, 5, 4, 4), "6.72", null, null).verdict()).isEqualTo(Verdict.IMPROVING);
            // pains 4,4,5: mean 4.333... vs 3.34: +0.9933 = 29.74 % → stable; vs 3.33: +1.0033 = 30.13 % → worsening
            assertThat(week(pains(4, 4, 5), "3.34", null, null).verdict()).isEqualTo(Verdict.STABLE);
            assertThat(week(pains(4, 4, 5), "3.33", null, null).verdict()).isEqualTo(Verdict.WORSENING);
        }

        @Test
        void zeroBaseline_usesPointsOnly() {
            // no percentage of 0: 1.5 points is stable, 2 points is worsening
            assertThat(week(pains(1, 2, 1, 2), "0", null, null).verdict()).isEqualTo(Verdict.STABLE);
            assertThat(week(pains(2, 2, 2, 2), "0", null, null).verdict()).isEqualTo(Verdict.WORSENING);
        }

        @Test
        void unchangedPain_isStable() {
            TrendSummary s = week(pains(6, 5, 7, 4), "5.5", null, null);
            assertThat(s.verdict()).isEqualTo(Verdict.STABLE);
            assertThat(s.verdictReason()).contains("unchanged");
        }

        @Test
        void odiLowerByTen_isImprovingEvenWithStablePain() {
            // pain 6 → 5.5 is stable; ODI 40 → 30 is −10
            TrendSummary s = week(pains(6, 5, 7, 4), "6", "40.0", "30.0");
            assertThat(s.verdict()).isEqualTo(Verdict.IMPROVING);
            assertThat(s.verdictReason()).contains("ODI 40.0 at baseline, 30.0 now", "10.0 points lower");
        }

        @Test
        void odiLowerBy9Point9_isStable() {
            assertThat(week(pains(6, 5, 7, 4), "6", "40.0", "30.1").verdict()).isEqualTo(Verdict.STABLE);
        }

        @Test
        void odiHigherByTen_isWorsening() {
            assertThat(week(pains(6, 5, 7, 4), "6", "40.0", "50.0").verdict()).isEqualTo(Verdict.WORSENING);
        }

        @Test
        void odiAloneIsEnoughWithoutAPainBaseline() {
            assertThat(week(pains(6, 5, 7, 4), null, "40", "28").verdict()).isEqualTo(Verdict.IMPROVING);
        }

        @Test
        void painImprovingButOdiWorsening_isWorsening() {
            // pain 8 → 5.5 (−2.5) improving; ODI 30 → 42 (+12) worsening: safety first
            TrendSummary s = week(pains(6, 5, 7, 4), "8", "30", "42");
            assertThat(s.verdict()).isEqualTo(Verdict.WORSENING);
            assertThat(s.verdictReason()).contains("worsening wins");
        }

        @Test
        void painWorseningButOdiImproving_isWorsening() {
            // pain 4 → 5.5 (+1.5, 37.5 %) worsening; ODI 40 → 28 improving
            assertThat(week(pains(6, 5, 7, 4), "4", "40", "28").verdict()).isEqualTo(Verdict.WORSENING);
        }

        @Test
        void fewerThanThreePainDays_isInsufficientData() {
            TrendSummary two = week(pains(9, 9), "3", "20", "60");
            assertThat(two.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(two.verdictReason()).contains("only 2 days", "at least 3");
            assertThat(two.meanPain()).isEqualTo(bd("9.00")); // the statistics are still there

            assertThat(week(pains(9, 9, 9), "3", null, null).verdict()).isEqualTo(Verdict.WORSENING);
        }

        @Test
        void threeLoggedDaysButTwoWithPain_isInsufficientData() {
            List<DailyEntry> entries = List.of(DailyEntry.pain(day(0), 5), DailyEntry.pain(day(1), 5),
                    new DailyEntry(day(2), null, null, null, null, null, bd("6"), 5));
            TrendSummary s = week(entries, "8", null, null);
            assertThat(s.daysLogged()).isEqualTo(3);
            assertThat(s.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        }

        @Test
        void noBaseline_isInsufficientData() {
            TrendSummary s = week(pains(6, 5, 7, 4), null, null, null);
            assertThat(s.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(s.verdictReason()).contains("no baseline");
            // a baseline ODI without a latest one cannot be compared
            assertThat(week(pains(6, 5, 7, 4), null, "40", null).verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(week(pains(6, 5, 7, 4), null, null, "40").verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        }

        @Test
        void painBaselineWithHalfAnOdiPair_judgesPainOnly() {
            assertThat(week(pains(6, 5, 7, 4), "8", "40", null).verdict()).isEqualTo(Verdict.IMPROVING);
        }
    }

    @Nested
    class Validation {

        @Test
        void windowMustNotEndBeforeItStarts() {
            assertThatThrownBy(() -> TrendCalculator.summarize(List.of(), day(1), day(0), null, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after it ends");
        }

        @Test
        void oneEntryPerDay() {
            List<DailyEntry> twice = List.of(DailyEntry.pain(day(1), 3), DailyEntry.pain(day(1), 4));
            assertThatThrownBy(() -> week(twice, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two entries for 2025-03-02");
        }

        @Test
        void baselinesMustBeInRange() {
            assertThatThrownBy(() -> week(pains(5, 5, 5), "10.5", null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baselinePain");
            assertThatThrownBy(() -> week(pains(5, 5, 5), null, "-1", "20"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baselineOdi");
            assertThatThrownBy(() -> week(pains(5, 5, 5), null, "20", "100.1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latestOdi");
        }

        @Test
        void entryValuesMustBeInRange() {
            assertThatThrownBy(() -> DailyEntry.pain(day(0), 11)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pain");
            assertThatThrownBy(() -> DailyEntry.pain(day(0), -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new DailyEntry(day(0), null, null, null, null, null, null, 11))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sleepQuality");
            assertThatThrownBy(() -> new DailyEntry(day(0), null, -1, 2, null, null, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exerciseSessionsDone");
            assertThatThrownBy(() -> new DailyEntry(day(0), null, null, null, null, null, bd("24.5"), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sleepHours");
            assertThatThrownBy(() -> DailyEntry.pain(null, 3)).isInstanceOf(NullPointerException.class);
        }
    }
}
