package org.backcare.tracking.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static final RuleThresholds DEFAULTS = RuleThresholds.defaults();

    static LocalDate ago(int days) {
        return TODAY.minusDays(days);
    }

    static BigDecimal bd(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /** A patient's history as of {@link #TODAY}; by default checked in today, tracked for 60 days, nothing else. */
    static final class History {
        private final TreeMap<LocalDate, Integer> pain = new TreeMap<>();
        private final Set<String> redFlags = new LinkedHashSet<>();
        private final TreeMap<LocalDate, Integer> sleep = new TreeMap<>();
        private int done;
        private int prescribed;
        private final List<MedicationDay> meds = new ArrayList<>();
        private LocalDate lastCheckIn = TODAY;
        private LocalDate trackingSince = ago(60);
        private final List<PatientHistory.OdiPoint> odi = new ArrayList<>();

        /** Pain on one day. */
        History pain(int daysAgo, int value) {
            pain.put(ago(daysAgo), value);
            return this;
        }

        /** Pain on consecutive days, the first value {@code fromDaysAgo} days ago, then one day later each. */
        History pains(int fromDaysAgo, int... values) {
            for (int i = 0; i < values.length; i++) {
                pain.put(ago(fromDaysAgo - i), values[i]);
            }
            return this;
        }

        /** The same pain on every day from {@code fromDaysAgo} to {@code toDaysAgo}, both included. */
        History painRange(int fromDaysAgo, int toDaysAgo, int value) {
            for (int d = fromDaysAgo; d >= toDaysAgo; d--) {
                pain.put(ago(d), value);
            }
            return this;
        }

        History noPain(int daysAgo) {
            pain.remove(ago(daysAgo));
            return this;
        }

        History redFlag(String flag) {
            redFlags.add(flag);
            return this;
        }

        /** Sleep quality on consecutive nights, the first {@code fromDaysAgo} days ago. */
        History sleep(int fromDaysAgo, int... qualities) {
            for (int i = 0; i < qualities.length; i++) {
                sleep.put(ago(fromDaysAgo - i), qualities[i]);
            }
            return this;
        }

        History exercise(int sessionsDone, int sessionsPrescribed) {
            done = sessionsDone;
            prescribed = sessionsPrescribed;
            return this;
        }

        History med(int daysAgo, String drug, String drugClass, String dose, String max) {
            meds.add(new MedicationDay(ago(daysAgo), drug, drugClass, bd(dose), bd(max)));
            return this;
        }

        /** An NSAID taken every day from {@code fromDaysAgo} to {@code toDaysAgo}, both included. */
        History nsaidDays(String drug, int fromDaysAgo, int toDaysAgo) {
            for (int d = fromDaysAgo; d >= toDaysAgo; d--) {
                med(d, drug, "nsaid", "1200", "2400");
            }
            return this;
        }

        History lastCheckIn(int daysAgo) {
            lastCheckIn = ago(daysAgo);
            return this;
        }

        History neverCheckedIn() {
            lastCheckIn = null;
            return this;
        }

        History trackingSince(int daysAgo) {
            trackingSince = ago(daysAgo);
            return this;
        }

        History odi(int daysAgo, String score) {
            odi.add(new PatientHistory.OdiPoint(ago(daysAgo), bd(score)));
            return this;
        }

        PatientHistory build() {
            return new PatientHistory(TODAY, pain, redFlags, sleep, done, prescribed, meds, lastCheckIn,
                    trackingSince, odi);
        }
    }

    static History history() {
        return new History();
    }

    static Optional<Finding> eval(Rule rule, History h) {
        return rule.evaluate(h.build(), DEFAULTS);
    }

    static RuleThresholds with(Map<String, Object> overrides) {
        RuleThresholds d = DEFAULTS;
        Map<String, Object> v = new HashMap<>(overrides);
        return new RuleThresholds(
                (int) v.getOrDefault("flareAbsolutePain", d.flareAbsolutePain()),
                (int) v.getOrDefault("flareAboveMedian", d.flareAboveMedian()),
                (int) v.getOrDefault("flareConsecutiveDays", d.flareConsecutiveDays()),
                (int) v.getOrDefault("trendWindowDays", d.trendWindowDays()),
                (BigDecimal) v.getOrDefault("trendPoints", d.trendPoints()),
                (BigDecimal) v.getOrDefault("trendPercent", d.trendPercent()),
                (BigDecimal) v.getOrDefault("lowAdherencePercent", d.lowAdherencePercent()),
                (int) v.getOrDefault("adherenceWindowDays", d.adherenceWindowDays()),
                (int) v.getOrDefault("nsaidMaxConsecutiveDays", d.nsaidMaxConsecutiveDays()),
                (int) v.getOrDefault("poorSleepQualityAtMost", d.poorSleepQualityAtMost()),
                (int) v.getOrDefault("poorSleepNights", d.poorSleepNights()),
                (int) v.getOrDefault("poorSleepWindow", d.poorSleepWindow()),
                (int) v.getOrDefault("missedCheckInDays", d.missedCheckInDays()),
                (BigDecimal) v.getOrDefault("odiChangePoints", d.odiChangePoints()));
    }

    @Nested
    class AlertTypes {

        @ParameterizedTest
        @CsvSource({
                "RED_FLAG_SYMPTOM, red-flag-symptom, urgent",
                "FLARE, flare, high",
                "WORSENING_TREND, worsening-trend, high",
                "IMPROVING_TREND, improving-trend, normal",
                "LOW_EXERCISE_ADHERENCE, low-exercise-adherence, normal",
                "NSAID_OVERUSE, nsaid-overuse, high",
                "POOR_SLEEP, poor-sleep, normal",
                "MISSED_CHECK_INS, missed-check-ins, normal",
                "ODI_CHANGE, odi-change, normal",
                "SELF_HARM_RISK, self-harm-risk, urgent",
                "PSYCHOLOGICAL_DISTRESS, psychological-distress, high",
                "FEAR_AVOIDANCE, fear-avoidance, normal"
        })
        void codesAndPriorities(AlertType type, String code, String priority) {
            assertThat(type.code()).isEqualTo(code);
            assertThat(type.priority()).isEqualTo(priority);
            assertThat(AlertType.fromCode(code)).isEqualTo(type);
        }

        @Test
        void twelveTypes_unknownCodeRefused() {
            assertThat(AlertType.values()).hasSize(12);
            assertThatThrownBy(() -> AlertType.fromCode("RED_FLAG_SYMPTOM"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class RedFlagSymptom {
        final Rule rule = new RedFlagSymptomRule();

        @Test
        void noRedFlag_noFinding() {
            assertThat(eval(rule, history().pain(0, 9))).isEmpty();
        }

        @Test
        void anyRedFlagToday_isUrgent() {
            Finding f = eval(rule, history().redFlag("saddle-numbness").redFlag("bladder-dysfunction")).orElseThrow();
            assertThat(f.type()).isEqualTo(AlertType.RED_FLAG_SYMPTOM);
            assertThat(f.priority()).isEqualTo("urgent");
            assertThat(f.message()).contains("bladder-dysfunction, saddle-numbness", "urgent");
            assertThat(f.details()).containsEntry("redFlags", List.of("bladder-dysfunction", "saddle-numbness"))
                    .containsEntry("day", TODAY);
        }

        @Test
        void evenWithLowPain() {
            assertThat(eval(rule, history().pain(0, 1).redFlag("leg-weakness"))).isPresent();
        }
    }

    @Nested
    class Flare {
        final Rule rule = new FlareRule();

        @Test
        void pain7_noFlare_pain8_flare() {
            // a steady 7 for weeks: 7 is not 2 above the median 7, and below 8
            History steady = history().painRange(20, 0, 7);
            assertThat(eval(rule, steady)).isEmpty();

            Finding f = eval(rule, history().painRange(20, 1, 7).pain(0, 8)).orElseThrow();
            assertThat(f.priority()).isEqualTo("high");
            assertThat(f.details()).containsEntry("criterion", "absolute").containsEntry("todayPain", 8);
            assertThat(f.message()).contains("pain 8/10 today");
        }

        @Test
        void absoluteNeedsOnlyToday() {
            // first day of tracking: no history at all
            assertThat(eval(rule, history().pain(0, 9))).isPresent();
        }

        @Test
        void twoDaysTwoAboveTheMedian_isAFlare() {
            // days 8..2 ago: 4 (median 4); yesterday 6 ≥ 4 + 2; today: median of 7..1 ago (4,4,4,4,4,4,6) = 4, 6 ≥ 6
            Finding f = eval(rule, history().painRange(10, 2, 4).pain(1, 6).pain(0, 6)).orElseThrow();
            assertThat(f.details()).containsEntry("criterion", "above-median");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> days = (List<Map<String, Object>>) f.details().get("days");
            assertThat(days).hasSize(2);
            assertThat(days.get(0)).containsEntry("day", TODAY).containsEntry("pain", 6)
                    .containsEntry("medianOfPrevious7Days", BigDecimal.valueOf(4));
            assertThat(days.get(1)).containsEntry("day", ago(1)).containsEntry("pain", 6);
            assertThat(f.message()).contains("today 6/10 vs median 4", "yesterday 6/10 vs median 4");
        }

        @Test
        void oneAboveTheMedianYesterday_noFlare() {
            // yesterday 5 is only 1 above the median 4
            assertThat(eval(rule, history().painRange(10, 2, 4).pain(1, 5).pain(0, 6))).isEmpty();
        }

        @Test
        void onlyTodayAboveTheMedian_noFlare() {
            assertThat(eval(rule, history().painRange(10, 1, 4).pain(0, 7))).isEmpty();
        }

        @Test
        void onlyYesterdayAboveTheMedian_noFlare() {
            assertThat(eval(rule, history().painRange(10, 2, 4).pain(1, 7).pain(0, 5))).isEmpty();
        }

        @Test
        void missingYesterday_breaksConsecutive() {
            assertThat(eval(rule, history().painRange(10, 2, 4).pain(0, 7))).isEmpty();
        }

        @Test
        void noPainToday_noFinding() {
            assertThat(eval(rule, history().painRange(10, 2, 4).pain(1, 9))).isEmpty();
        }

        @Test
        void bothCriteria() {
            Finding f = eval(rule, history().painRange(10, 2, 4).pain(1, 7).pain(0, 9)).orElseThrow();
            assertThat(f.details()).containsEntry("criterion", "absolute-and-above-median");
        }

        @Test
        void medianIsOfTheSevenDaysBeforeEachDay() {
            // 9s 9..15 days ago are outside both lookbacks; the lookbacks hold 3s → 5 is 2 above
            History h = history().painRange(15, 9, 9).painRange(8, 2, 3).pain(1, 5).pain(0, 5);
            assertThat(eval(rule, h)).isPresent();
            // but a lookback full of 4s leaves 5 only 1 above
            assertThat(eval(rule, history().painRange(8, 2, 4).pain(1, 5).pain(0, 5))).isEmpty();
        }

        @Test
        void medianOfLoggedDays_oddEvenNone() {
            PatientHistory h = history().pains(7, 3, 9, 4).pain(2, 5).build(); // 7..5 ago: 3,9,4; 2 ago: 5
            // before day 1 ago (8..2 ago): 3,9,4,5 → (4+5)/2 = 4.5
            assertThat(FlareRule.medianBefore(h, ago(1))).isEqualByComparingTo("4.5");
            // before day 5 ago (12..6 ago): 3,9 → 6
            assertThat(FlareRule.medianBefore(h, ago(5))).isEqualByComparingTo("6");
            // before day 6 ago (13..7 ago): 3
            assertThat(FlareRule.medianBefore(h, ago(6))).isEqualByComparingTo("3");
            // before day 7 ago: nothing logged
            assertThat(FlareRule.medianBefore(h, ago(7))).isNull();
        }

        @Test
        void halfPointMedian() {
            // lookbacks hold 4 and 5 alternately: today's (7..1 ago) are 5,4,5,4,5,4 + yesterday's value
            History h = history().pains(8, 4, 5, 4, 5, 4, 5, 4).pain(1, 7).pain(0, 6);
            // yesterday: 8..2 ago = 4,5,4,5,4,5,4 → median 4, 7 ≥ 6 ✓; today: 7..1 ago = 5,4,5,4,5,4,7 → median 5,
            // 6 < 7 ✗
            assertThat(eval(rule, h)).isEmpty();
            assertThat(eval(rule, h.pain(0, 7))).isPresent();
        }

        @Test
        void noHistoryBeforeYesterday_noRelativeFlare() {
            // only yesterday and today logged: yesterday has no median
            assertThat(eval(rule, history().pain(1, 7).pain(0, 7))).isEmpty();
        }

        @Test
        void thresholdsAreConfigurable() {
            History h = history().painRange(10, 1, 7).pain(0, 7);
            assertThat(eval(rule, h)).isEmpty();
            assertThat(rule.evaluate(h.build(), with(Map.of("flareAbsolutePain", 7)))).isPresent();
            // three consecutive days needed: two high days are not enough
            History two = history().painRange(10, 2, 4).pain(1, 6).pain(0, 6);
            assertThat(rule.evaluate(two.build(), with(Map.of("flareConsecutiveDays", 3)))).isEmpty();
        }
    }

    @Nested
    class WorseningTrend {
        final Rule rule = new WorseningTrendRule();

        /** previous window is 27..14 days ago, the recent one 13..0 days ago. */
        History windows(int[] previous, int[] recent) {
            return history().pains(27, previous).pains(13, recent);
        }

        int[] alternate(int a, int b) {
            int[] v = new int[14];
            for (int i = 0; i < 14; i++) {
                v[i] = i % 2 == 0 ? a : b;
            }
            return v;
        }

        int[] all(int value) {
            return alternate(value, value);
        }

        @Test
        void up13Percent_noFinding() {
            // 7.5 → 8.5: +1 point, +13.3 %
            assertThat(eval(rule, windows(alternate(7, 8), alternate(8, 9)))).isEmpty();
        }

        @Test
        void up30Percent_finding() {
            // 5 → 6.5: +1.5 points, +30 %
            Finding f = eval(rule, windows(all(5), alternate(6, 7))).orElseThrow();
            assertThat(f.type()).isEqualTo(AlertType.WORSENING_TREND);
            assertThat(f.priority()).isEqualTo("high");
            assertThat(f.details())
                    .containsEntry("recentMeanPain", bd("6.50"))
                    .containsEntry("previousMeanPain", bd("5.00"))
                    .containsEntry("changePoints", bd("1.50"))
                    .containsEntry("changePercent", bd("30.00"))
                    .containsEntry("recentDaysLogged", 14)
                    .containsEntry("previousDaysLogged", 14)
                    .containsEntry("recentFrom", ago(13))
                    .containsEntry("previousTo", ago(14));
            assertThat(f.message()).contains("getting worse", "6.5/10", "5/10", "up 1.5 points, 30 %");
        }

        @Test
        void up28Point6Percent_noFinding() {
            // 5 → 90/14 = 6.43: +1.43 points, +28.6 %
            int[] recent = alternate(6, 7);
            recent[13] = 6;
            assertThat(eval(rule, windows(all(5), recent))).isEmpty();
        }

        @Test
        void upTwoPoints_finding() {
            // 8 → 10: +2 points, only 25 %
            assertThat(eval(rule, windows(all(8), all(10)))).isPresent();
        }

        @Test
        void upJustUnderTwoPoints_noFinding() {
            // 8 → 139/14 = 9.93: +1.93 points, 24 %
            int[] recent = all(10);
            recent[0] = 9;
            assertThat(eval(rule, windows(all(8), recent))).isEmpty();
        }

        @Test
        void needsSevenLoggedDaysInEachWindow() {
            // previous window: 2 on 7 days (27..21 ago), recent 8 every day
            History seven = history().painRange(27, 21, 2).painRange(13, 0, 8);
            assertThat(eval(rule, seven)).isPresent();
            assertThat(eval(rule, seven.noPain(21))).isEmpty(); // 6 in the previous window

            History recentSeven = history().painRange(27, 14, 2).painRange(6, 0, 8);
            assertThat(eval(rule, recentSeven)).isPresent();
            assertThat(eval(rule, recentSeven.noPain(6))).isEmpty(); // 6 in the recent window
        }

        @Test
        void daysBeforeThePreviousWindowAreIgnored() {
            History h = windows(all(5), all(6)).painRange(40, 28, 0);
            assertThat(eval(rule, h)).isEmpty(); // 5 → 6: +1, +20 %
        }

        @Test
        void zeroPreviousMean_pointsOnly() {
            assertThat(eval(rule, windows(all(0), all(1)))).isEmpty();
            Finding f = eval(rule, windows(all(0), all(2))).orElseThrow();
            assertThat(f.details()).doesNotContainKey("changePercent");
        }

        @Test
        void improvementIsNotWorsening() {
            assertThat(eval(rule, windows(all(8), all(4)))).isEmpty();
        }
    }

    @Nested
    class ImprovingTrend {
        final Rule rule = new ImprovingTrendRule();

        History windows(int[] previous, int[] recent) {
            return history().pains(27, previous).pains(13, recent);
        }

        int[] alternate(int a, int b) {
            int[] v = new int[14];
            for (int i = 0; i < 14; i++) {
                v[i] = i % 2 == 0 ? a : b;
            }
            return v;
        }

        @Test
        void downTwoPoints_finding() {
            Finding f = eval(rule, windows(alternate(8, 8), alternate(6, 6))).orElseThrow();
            assertThat(f.type()).isEqualTo(AlertType.IMPROVING_TREND);
            assertThat(f.priority()).isEqualTo("normal");
            assertThat(f.details()).containsEntry("changePoints", bd("-2.00"))
                    .containsEntry("changePercent", bd("-25.00"));
            assertThat(f.message()).contains("improving", "down 2 points, 25 %");
        }

        @Test
        void down12Percent_noFinding() {
            // 8.5 → 7.5: −1 point, −11.8 %
            assertThat(eval(rule, windows(alternate(8, 9), alternate(7, 8)))).isEmpty();
        }

        @Test
        void down30Percent_finding() {
            // 5 → 3.5: −1.5 points, −30 %
            assertThat(eval(rule, windows(alternate(5, 5), alternate(3, 4)))).isPresent();
        }

        @Test
        void down28Point6Percent_noFinding() {
            // 5 → 50/14 = 3.57: −1.43, −28.6 %
            int[] recent = alternate(3, 4);
            recent[12] = 4;
            assertThat(eval(rule, windows(alternate(5, 5), recent))).isEmpty();
        }

        @Test
        void worseningIsNotImproving() {
            assertThat(eval(rule, windows(alternate(4, 4), alternate(8, 8)))).isEmpty();
        }

        @Test
        void needsSevenLoggedDaysInEachWindow() {
            assertThat(eval(rule, history().painRange(27, 22, 8).painRange(13, 0, 2))).isEmpty();
            assertThat(eval(rule, history().painRange(27, 21, 8).painRange(13, 0, 2))).isPresent();
        }
    }

    @Nested
    class LowExerciseAdherence {
        final Rule rule = new LowExerciseAdherenceRule();

        @Test
        void below50Percent_finding_at50_none() {
            Finding f = eval(rule, history().exercise(49, 100)).orElseThrow();
            assertThat(f.details()).containsEntry("adherencePercent", bd("49.00"))
                    .containsEntry("sessionsDone", 49).containsEntry("sessionsPrescribed", 100);
            assertThat(f.priority()).isEqualTo("normal");
            assertThat(f.message()).contains("49 of 100", "49 %", "82 % vs 45 %");
            assertThat(eval(rule, history().exercise(50, 100))).isEmpty();
        }

        @Test
        void realisticCounts() {
            // 6 of 14 = 42.86 %; 7 of 14 = 50 %
            assertThat(eval(rule, history().exercise(6, 14)).orElseThrow().details())
                    .containsEntry("adherencePercent", bd("42.86"));
            assertThat(eval(rule, history().exercise(7, 14))).isEmpty();
            assertThat(eval(rule, history().exercise(0, 14))).isPresent();
        }

        @Test
        void nothingPrescribed_noFinding() {
            assertThat(eval(rule, history().exercise(0, 0))).isEmpty();
        }

        @Test
        void needsFourteenDaysOfTracking() {
            // trackingSince must be on or before today − 13 (14 days including today)
            assertThat(eval(rule, history().exercise(0, 10).trackingSince(12))).isEmpty();
            assertThat(eval(rule, history().exercise(0, 10).trackingSince(13))).isPresent();
        }
    }

    @Nested
    class NsaidOveruse {
        final Rule rule = new NsaidOveruseRule();

        @Test
        void tenConsecutiveDays_none_eleven_finding() {
            assertThat(eval(rule, history().nsaidDays("ibuprofen", 9, 0))).isEmpty();
            Finding f = eval(rule, history().nsaidDays("ibuprofen", 10, 0)).orElseThrow();
            assertThat(f.priority()).isEqualTo("high");
            assertThat(f.details()).containsEntry("consecutiveDays", 11).containsEntry("from", ago(10))
                    .containsEntry("to", TODAY).containsEntry("drugs", List.of("ibuprofen"));
            assertThat(f.message()).contains("11 consecutive days", "more than the 10 days");
        }

        @Test
        void runEndingYesterday_counts_endingTwoDaysAgo_doesNot() {
            assertThat(eval(rule, history().nsaidDays("naproxen", 11, 1))).isPresent();
            assertThat(eval(rule, history().nsaidDays("naproxen", 12, 2))).isEmpty();
        }

        @Test
        void aGapBreaksTheRun() {
            assertThat(eval(rule, history().nsaidDays("ibuprofen", 11, 6).nsaidDays("ibuprofen", 4, 0))).isEmpty();
        }

        @Test
        void switchingNsaidsDoesNotRestartTheCount() {
            Finding f = eval(rule, history().nsaidDays("ibuprofen", 10, 5).nsaidDays("naproxen", 4, 0)).orElseThrow();
            assertThat(f.details()).containsEntry("drugs", List.of("ibuprofen", "naproxen"));
        }

        @Test
        void otherClassesAndZeroDosesDoNotCount() {
            History acetaminophen = history();
            for (int d = 20; d >= 0; d--) {
                acetaminophen.med(d, "acetaminophen", "acetaminophen", "3000", "3000");
            }
            assertThat(eval(rule, acetaminophen)).isEmpty();
            History zero = history().nsaidDays("ibuprofen", 10, 1).med(0, "ibuprofen", "nsaid", "0", "2400");
            assertThat(eval(rule, zero)).isEmpty(); // 10 days ending yesterday; today logged as none taken
        }

        @Test
        void drugClassIsCaseInsensitive() {
            History h = history();
            for (int d = 10; d >= 0; d--) {
                h.med(d, "ibuprofen", "NSAID", "400", null);
            }
            assertThat(eval(rule, h)).isPresent();
        }

        @Test
        void aboveTheMaxDailyDose_findingEvenOnOneDay() {
            Finding f = eval(rule, history().med(0, "ibuprofen", "nsaid", "3200", "2400")).orElseThrow();
            assertThat(f.message()).contains("above the maximum daily dose", "ibuprofen 3200", "max 2400");
            assertThat(f.details()).doesNotContainKey("consecutiveDays").containsKey("aboveMaxDailyDose");
            assertThat(eval(rule, history().med(0, "ibuprofen", "nsaid", "2400", "2400"))).isEmpty();
            assertThat(eval(rule, history().med(0, "ibuprofen", "nsaid", "3200", null))).isEmpty();
        }

        @Test
        void aboveTheMaxDailyDose_withinTheLast14Days() {
            assertThat(eval(rule, history().med(13, "naproxen", "nsaid", "1500", "1000"))).isPresent();
            assertThat(eval(rule, history().med(14, "naproxen", "nsaid", "1500", "1000"))).isEmpty();
        }

        @Test
        void aboveTheMaxDailyDoseOfANonNsaid_isNotNsaidOveruse() {
            assertThat(eval(rule, history().med(0, "acetaminophen", "acetaminophen", "5000", "3000"))).isEmpty();
        }

        @Test
        void bothReasons() {
            Finding f = eval(rule, history().nsaidDays("ibuprofen", 11, 1).med(0, "ibuprofen", "nsaid", "3200", "2400"))
                    .orElseThrow();
            assertThat(f.details()).containsEntry("consecutiveDays", 12).containsKey("aboveMaxDailyDose");
            assertThat(f.message()).contains("12 consecutive days", "; and above the maximum daily dose");
        }

        @Test
        void daysAfterTodayAreIgnored() {
            assertThat(eval(rule, history().med(-1, "ibuprofen", "nsaid", "3200", "2400"))).isEmpty();
        }
    }

    @Nested
    class PoorSleep {
        final Rule rule = new PoorSleepRule();

        @Test
        void fourPoorNightsOfSeven_none_five_finding() {
            assertThat(eval(rule, history().sleep(6, 2, 3, 5, 1, 6, 3, 7))).isEmpty();
            Finding f = eval(rule, history().sleep(6, 2, 3, 5, 1, 3, 3, 7)).orElseThrow();
            assertThat(f.details()).containsEntry("poorNights", 5).containsEntry("nightsReported", 7);
            assertThat(f.priority()).isEqualTo("normal");
            assertThat(f.message()).contains("5 of the last 7 nights", "magnifies pain");
        }

        @Test
        void qualityFourIsNotPoor() {
            assertThat(eval(rule, history().sleep(6, 4, 4, 4, 4, 4, 4, 4))).isEmpty();
            assertThat(eval(rule, history().sleep(6, 3, 3, 3, 3, 3, 4, 4))).isPresent();
        }

        @Test
        void onlyTheLastSevenNightsCount() {
            // poor nights 7 and 8 days ago do not count: only 4 in the window
            assertThat(eval(rule, history().sleep(8, 1, 1, 1, 1, 1, 1, 8, 8, 8))).isEmpty();
        }

        @Test
        void missingNightsAreNotPoor() {
            assertThat(eval(rule, history().sleep(4, 1, 1, 1, 1, 1))).isPresent();
            assertThat(eval(rule, history().sleep(3, 1, 1, 1, 1))).isEmpty();
        }
    }

    @Nested
    class MissedCheckIns {
        final Rule rule = new MissedCheckInsRule();

        @Test
        void twoDays_none_threeDays_finding() {
            assertThat(eval(rule, history().lastCheckIn(2))).isEmpty();
            Finding f = eval(rule, history().lastCheckIn(3)).orElseThrow();
            assertThat(f.details()).containsEntry("daysWithoutCheckIn", 3).containsEntry("lastCheckIn", ago(3));
            assertThat(f.message()).contains("No check-in for 3 days", ago(3).toString());
        }

        @Test
        void checkedInToday_none() {
            assertThat(eval(rule, history())).isEmpty();
        }

        @Test
        void neverCheckedIn_countsFromTrackingStart() {
            assertThat(eval(rule, history().neverCheckedIn().trackingSince(2))).isEmpty();
            Finding f = eval(rule, history().neverCheckedIn().trackingSince(3)).orElseThrow();
            assertThat(f.message()).contains("No check-in at all", "3 days");
        }
    }

    @Nested
    class OdiChange {
        final Rule rule = new OdiChangeRule();

        @Test
        void nineAndNineTenths_none_ten_finding() {
            assertThat(eval(rule, history().odi(60, "40.0").odi(0, "30.1"))).isEmpty();
            Finding f = eval(rule, history().odi(60, "40.0").odi(0, "30.0")).orElseThrow();
            assertThat(f.details()).containsEntry("direction", "improved").containsEntry("changePoints", bd("-10.0"));
            assertThat(f.message()).contains("improved", "40 at baseline", "down 10 points");
            assertThat(f.priority()).isEqualTo("normal");
        }

        @Test
        void worsened() {
            Finding f = eval(rule, history().odi(60, "30.0").odi(0, "42.2")).orElseThrow();
            assertThat(f.details()).containsEntry("direction", "worsened");
            assertThat(f.message()).contains("worsened", "up 12.2 points");
            assertThat(eval(rule, history().odi(60, "30.0").odi(0, "39.9"))).isEmpty();
        }

        @Test
        void latestAgainstBaseline_notAgainstTheOnesBetween() {
            assertThat(eval(rule, history().odi(60, "40").odi(30, "20").odi(0, "35"))).isEmpty();
        }

        @Test
        void oneScore_none() {
            assertThat(eval(rule, history().odi(0, "80"))).isEmpty();
            assertThat(eval(rule, history())).isEmpty();
        }
    }

    @Nested
    class TheRulebook {

        @Test
        void oneRulePerAlertTypeInAlertTypeOrder() {
            List<AlertType> types = new java.util.ArrayList<>(Rules.all().stream().map(Rule::type).toList());
            QuestionnaireRules.all().forEach(r -> types.add(r.type()));
            assertThat(types).containsExactly(AlertType.values());
        }

        @Test
        void quietHistory_noFindings() {
            History h = history().painRange(27, 0, 4).sleep(6, 6, 7, 6, 7, 6, 7, 6).exercise(12, 14)
                    .odi(40, "30").odi(0, "26");
            assertThat(Rules.evaluate(h.build())).isEmpty();
            assertThat(Rules.evaluate(h.build(), DEFAULTS)).isEmpty();
        }

        @Test
        void findingsComeInAlertTypeOrder() {
            History h = history().lastCheckIn(5).odi(40, "30").odi(0, "45").redFlag("fever")
                    .sleep(6, 1, 1, 1, 1, 1, 1, 1);
            assertThat(Rules.evaluate(h.build())).extracting(Finding::type)
                    .containsExactly(AlertType.RED_FLAG_SYMPTOM, AlertType.POOR_SLEEP, AlertType.MISSED_CHECK_INS,
                            AlertType.ODI_CHANGE);
        }

        /** Six weeks into care, doing the exercises, pain down from 6 to 4, ODI 44 → 30. */
        @Test
        void doingWell() {
            History h = history()
                    .painRange(27, 14, 6)
                    .painRange(13, 0, 4).noPain(12).noPain(11).noPain(5).noPain(4) // weekends off: 10 logged days
                    .sleep(6, 6, 7, 5, 7, 8, 6, 7)
                    .exercise(12, 14)
                    .nsaidDays("naproxen", 16, 12)
                    .odi(42, "44").odi(21, "38").odi(0, "30");
            List<Finding> findings = Rules.evaluate(h.build());
            assertThat(findings).extracting(Finding::type)
                    .containsExactly(AlertType.IMPROVING_TREND, AlertType.ODI_CHANGE);
            assertThat(findings.get(0).details()).containsEntry("recentMeanPain", bd("4.00"))
                    .containsEntry("previousMeanPain", bd("6.00")).containsEntry("recentDaysLogged", 10);
            assertThat(findings.get(1).details()).containsEntry("direction", "improved");
            assertThat(findings).extracting(Finding::priority).containsOnly("normal");
        }

        /**
         * A flare with a red flag, self-medicating: pain 4 for weeks, 5 for the last fortnight, then 8 and 9;
         * ibuprofen for 12 days with one day of 3200 mg (max 2400); 5 poor nights of 7; 3 of 14 exercise sessions.
         */
        @Test
        void flaringAndSelfMedicating() {
            History h = history()
                    .painRange(27, 14, 4)
                    .painRange(13, 2, 5).pain(1, 8).pain(0, 9) // recent mean 77/14 = 5.5: +1.5, +37.5 %
                    .redFlag("saddle-numbness")
                    .nsaidDays("ibuprofen", 11, 4).med(3, "ibuprofen", "nsaid", "3200", "2400")
                    .nsaidDays("ibuprofen", 2, 0)
                    .sleep(6, 2, 3, 2, 5, 3, 6, 2)
                    .exercise(3, 14)
                    .odi(50, "36").odi(0, "42");
            List<Finding> findings = Rules.evaluate(h.build());
            assertThat(findings).extracting(Finding::type).containsExactly(
                    AlertType.RED_FLAG_SYMPTOM, AlertType.FLARE, AlertType.WORSENING_TREND,
                    AlertType.LOW_EXERCISE_ADHERENCE, AlertType.NSAID_OVERUSE, AlertType.POOR_SLEEP);
            assertThat(findings).extracting(Finding::priority)
                    .containsExactly("urgent", "high", "high", "normal", "high", "normal");
            assertThat(findings.get(1).details()).containsEntry("criterion", "absolute-and-above-median");
            assertThat(findings.get(2).details()).containsEntry("changePercent", bd("37.50"));
            assertThat(findings.get(4).details()).containsEntry("consecutiveDays", 12);
        }

        /** Went quiet five days ago after a steady stretch. */
        @Test
        void wentQuiet() {
            History h = history().painRange(30, 5, 5).lastCheckIn(5).exercise(0, 0);
            assertThat(Rules.evaluate(h.build())).extracting(Finding::type)
                    .containsExactly(AlertType.MISSED_CHECK_INS);
        }
    }

    @Nested
    class Values {

        @Test
        void defaultThresholds() {
            RuleThresholds t = RuleThresholds.defaults();
            assertThat(t).isEqualTo(new RuleThresholds(8, 2, 2, 14, bd("2"), bd("30"), bd("50"), 14, 10, 3, 5, 7, 3,
                    bd("10")));
        }

        @Test
        void thresholdsAreChecked() {
            assertThatThrownBy(() -> with(Map.of("trendWindowDays", 0))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("trendWindowDays");
            assertThatThrownBy(() -> with(Map.of("trendPercent", bd("-1"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> with(Map.of("poorSleepNights", 8))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot exceed");
        }

        @Test
        void historyCopiesAndChecksItsInputs() {
            TreeMap<LocalDate, Integer> pain = new TreeMap<>(Map.of(TODAY, 5));
            PatientHistory h = new PatientHistory(TODAY, pain, null, null, 0, 0, null, null, ago(3), null);
            pain.put(ago(1), 9);
            assertThat(h.dailyPain()).containsOnlyKeys(TODAY);
            assertThat(h.redFlagsReportedToday()).isEmpty();
            assertThat(h.medicationDays()).isEmpty();
            assertThat(h.odi()).isEmpty();
            assertThat(h.lastCheckInOrStart()).isEqualTo(ago(3));
            assertThatThrownBy(() -> h.dailyPain().put(ago(2), 1)).isInstanceOf(UnsupportedOperationException.class);

            assertThatThrownBy(() -> history().pain(0, 11).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pain must be 0..10");
            assertThatThrownBy(() -> history().sleep(0, -1).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> history().exercise(-1, 3).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> history().odi(0, "30").odi(10, "40").build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chronological");
            assertThatThrownBy(() -> history().odi(0, "100.5")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void medicationDayChecksItsInputs() {
            assertThatThrownBy(() -> new MedicationDay(TODAY, "ibuprofen", "nsaid", bd("-1"), null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new MedicationDay(TODAY, "ibuprofen", "nsaid", bd("400"), bd("-1")))
                    .isInstanceOf(IllegalArgumentException.class);
            // a maximum of 0 means none allowed: any dose is above it
            assertThat(new MedicationDay(TODAY, "ibuprofen", "nsaid", bd("400"), bd("0")).aboveMaxDailyDose()).isTrue();
        }

        @Test
        void findingDetailsAreAnOrderedUnmodifiableCopy() {
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("b", 1);
            details.put("a", 2);
            Finding f = Finding.of(AlertType.FLARE, "m", details);
            details.put("c", 3);
            assertThat(f.priority()).isEqualTo("high");
            assertThat(f.details()).containsOnlyKeys("b", "a");
            assertThat(f.details().keySet()).containsExactly("b", "a");
            assertThatThrownBy(() -> f.details().put("x", 0)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(new Finding(AlertType.FLARE, "urgent", "m", null).details()).isEmpty();
            assertThatThrownBy(() -> new Finding(AlertType.FLARE, " ", "m", null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
