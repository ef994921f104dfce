package org.backcare.tracking.questionnaire;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The instrument definitions against hand-computed cases: at and just below every threshold, and missing items. */
class InstrumentsTest {

    private static List<Integer> answers(Integer... a) {
        return Arrays.asList(a);
    }

    /** Space-separated answers, {@code -} for a skipped item. */
    private static List<Integer> parse(String answers) {
        return Arrays.stream(answers.trim().split("\\s+")).map(a -> a.equals("-") ? null : Integer.valueOf(a)).toList();
    }

    /** Answers of this instrument adding up to {@code total}: the lowest answer everywhere, raised from item 1 on. */
    private static List<Integer> totalling(Instrument instrument, int total) {
        List<Integer> answers = new ArrayList<>();
        int left = total - instrument.minTotal();
        for (Instrument.Item item : instrument.items()) {
            int raise = Math.min(left, item.max() - item.min());
            answers.add(item.min() + raise);
            left -= raise;
        }
        assertThat(left).as("a total of " + total + " is reachable").isZero();
        return answers;
    }

    private static void rejected(Instrument instrument, List<Integer> answers, String field, String... mentions) {
        assertThatThrownBy(() -> instrument.score(answers))
                .isInstanceOfSatisfying(AnswersRejected.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    for (String mention : mentions) {
                        assertThat(e.getMessage()).contains(mention);
                    }
                });
    }

    @Nested
    class Definitions {

        @Test
        void theCatalogueHoldsTheSixInstrumentsAtVersion1() {
            assertThat(Instruments.ids()).containsExactly("start-back", "phq-9", "gad-7", "pcs", "tsk-11", "pseq");
            assertThat(Instruments.current()).allSatisfy(i -> assertThat(i.version()).isEqualTo("1"));
            assertThat(Instruments.current("odi")).isEmpty();
            assertThat(Instruments.current("PHQ-9")).isEmpty();
            assertThat(Instruments.version("phq-9", "1")).containsSame(Instruments.PHQ_9_V1);
            assertThat(Instruments.version("phq-9", "2")).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({
                "start-back, 9, 0, 9",
                "phq-9, 9, 0, 27",
                "gad-7, 7, 0, 21",
                "pcs, 13, 0, 52",
                "tsk-11, 11, 11, 44",
                "pseq, 10, 0, 60"
        })
        void itemsAndTotalRange(String id, int items, int min, int max) {
            Instrument instrument = Instruments.current(id).orElseThrow();
            assertThat(instrument.items()).hasSize(items);
            assertThat(instrument.minTotal()).isEqualTo(min);
            assertThat(instrument.maxTotal()).isEqualTo(max);
        }

        @Test
        void everyPossibleTotalFallsInExactlyOneBand() {
            for (Instrument instrument : Instruments.current()) {
                if (!instrument.subscales().isEmpty()) {
                    continue; // banded on a subscale too: STarT Back is checked exhaustively below, PCS by total
                }
                for (int total = instrument.minTotal(); total <= instrument.maxTotal(); total++) {
                    int t = total;
                    assertThat(instrument.bands().stream().filter(b -> b.matches(t, Map.of())))
                            .as(instrument.id() + " total " + total).hasSize(1);
                }
            }
            Instrument pcs = Instruments.PCS_V1;
            for (int total = 0; total <= 52; total++) {
                int t = total;
                assertThat(pcs.bands().stream().filter(b -> b.matches(t, Map.of()))).as("pcs " + total).hasSize(1);
            }
        }

        @Test
        void everyStartBackAnswerSetFallsInExactlyOneStratum() {
            int combinations = 0;
            for (int agreed = 0; agreed < 256; agreed++) {
                for (int bother = 0; bother <= 4; bother++) {
                    List<Integer> answers = new ArrayList<>();
                    for (int item = 0; item < 8; item++) {
                        answers.add((agreed >> item) & 1);
                    }
                    answers.add(bother);
                    InstrumentScore score = Instruments.START_BACK_V1.score(answers); // band() insists on exactly one
                    assertThat(score.total()).isBetween(0, 9);
                    combinations++;
                }
            }
            assertThat(combinations).isEqualTo(1280);
        }

        @Test
        void onlyThePhq9AndGad7BundleTheirTexts() {
            for (Instrument instrument : Instruments.current()) {
                boolean free = instrument.id().equals("phq-9") || instrument.id().equals("gad-7");
                assertThat(instrument.textsIncluded()).as(instrument.id()).isEqualTo(free);
                if (!free) {
                    assertThat(instrument.items()).as(instrument.id()).allSatisfy(i -> assertThat(i.text()).isNull());
                    assertThat(instrument.prompt()).isNull();
                    assertThat(instrument.answerLabels()).isNull();
                }
            }
            assertThat(Instruments.PHQ_9_V1.items().get(8).text()).contains("better off dead");
            assertThat(Instruments.GAD_7_V1.items().get(0).text()).isEqualTo("Feeling nervous, anxious, or on edge");
            assertThat(Instruments.PHQ_9_V1.answerLabels()).containsExactly("Not at all", "Several days",
                    "More than half the days", "Nearly every day");
        }

        @Test
        void mcidWhereOneIsEstablished() {
            assertThat(Instruments.PHQ_9_V1.mcid().points()).isEqualByComparingTo("5");
            assertThat(Instruments.GAD_7_V1.mcid().points()).isEqualByComparingTo("4");
            assertThat(Instruments.PCS_V1.mcid().percent()).isEqualTo(38);
            assertThat(Instruments.PCS_V1.mcid().points()).isNull();
            assertThat(Instruments.TSK_11_V1.mcid().points()).isEqualByComparingTo("4");
            assertThat(Instruments.PSEQ_V1.mcid().points()).isEqualByComparingTo(new BigDecimal("5.5"));
            assertThat(Instruments.START_BACK_V1.mcid()).isNull();
            assertThat(Instruments.PSEQ_V1.higherIsWorse()).isFalse();
            assertThat(Instruments.current()).filteredOn(i -> !i.id().equals("pseq"))
                    .allSatisfy(i -> assertThat(i.higherIsWorse()).isTrue());
            assertThat(Instruments.current()).allSatisfy(i -> assertThat(i.sources()).isNotEmpty());
        }

        @Test
        void aDefinitionWithSubscalesCannotAllowMissingItems() {
            assertThatThrownBy(() -> new Instrument("x", "1", "X", null, null,
                    List.of(Instrument.Item.ranged(1, 0, 1), Instrument.Item.ranged(2, 0, 1)),
                    List.of(new Instrument.Subscale("s", "S", List.of(1))),
                    List.of(Instrument.Band.total("all", "All", 0, 2)),
                    new Instrument.MissingItems(1, List.of(), "prorate"), List.of(), null, true, List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscales");
        }
    }

    @Nested
    class StartBack {

        private final Instrument sbst = Instruments.START_BACK_V1;

        @ParameterizedTest(name = "[{0}] total {1}, psychosocial {2}: {3}")
        @CsvSource({
                // items 1-8 agree (1) / disagree (0), item 9 bothersomeness 0-4
                "0 0 0 0 0 0 0 0 0, 0, 0, low",
                "1 1 1 0 0 0 0 0 0, 3, 0, low",       // total 3: the top of low risk
                "1 1 1 1 0 0 0 0 0, 4, 0, medium",    // total 4, subscale 0
                "0 0 0 0 1 1 1 0 2, 3, 3, low",       // subscale 3 but total 3: low, item 9 "moderately" scores 0
                "0 0 0 0 1 1 1 0 3, 4, 4, high",      // the same with item 9 "very much": subscale 4, high
                "0 0 0 0 1 1 1 1 0, 4, 4, high",      // subscale 4 without item 9
                "0 0 0 0 1 1 1 1 4, 5, 5, high",      // item 9 "extremely"
                "1 1 1 1 1 1 1 0 2, 7, 3, medium",    // subscale 3, just below high
                "1 0 0 0 1 1 1 0 2, 4, 3, medium",
                "1 1 1 1 1 1 1 1 1, 8, 4, high",      // item 9 "slightly" scores 0
                "1 1 1 1 1 1 1 1 4, 9, 5, high"
        })
        void scoresAndStratifies(String answers, int total, int psychosocial, String stratum) {
            InstrumentScore s = sbst.score(parse(answers));
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.sum()).isEqualTo(total);
            assertThat(s.subscales()).containsExactly(entry("psychosocial", psychosocial));
            assertThat(s.band().code()).isEqualTo(stratum);
            assertThat(s.answered()).isEqualTo(9);
            assertThat(s.prorated()).isFalse();
            assertThat(s.flags()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"0, 0", "1, 0", "2, 0", "3, 1", "4, 1"})
        void onlyVeryMuchAndExtremelyBothersomeScore(int bother, int points) {
            assertThat(sbst.score(answers(0, 0, 0, 0, 0, 0, 0, 0, bother)).total()).isEqualTo(points);
        }

        @Test
        void everyItemMustBeAnswered() {
            rejected(sbst, answers(1, 1, 1, 1, null, 0, 0, 0, 0), "answers", "[5]", "every item must be answered");
            rejected(sbst, answers(1, 1, 1, 1, 0, 0, 0, 0, null), "answers", "[9]");
        }

        @Test
        void outOfRangeAnswersNameTheItem() {
            rejected(sbst, answers(2, 0, 0, 0, 0, 0, 0, 0, 0), "answers[0]", "item 1", "0..1", "was 2");
            rejected(sbst, answers(0, 0, 0, 0, 0, 0, 0, 0, 5), "answers[8]", "item 9", "0..4", "was 5");
            rejected(sbst, answers(0, 0, 0, 0, 0, 0, 0, -1, 0), "answers[7]", "item 8", "was -1");
        }

        @Test
        void theWrongNumberOfAnswersIsRefused() {
            rejected(sbst, answers(0, 0, 0, 0, 0, 0, 0, 0), "answers", "9 items", "got 8");
            rejected(sbst, answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "answers", "got 10");
            rejected(sbst, null, "answers", "got none");
        }
    }

    @Nested
    class Phq9 {

        private final Instrument phq = Instruments.PHQ_9_V1;

        @ParameterizedTest(name = "total {0}: {1}")
        @CsvSource({
                "0, minimal", "4, minimal",
                "5, mild", "9, mild",
                "10, moderate", "14, moderate",
                "15, moderately-severe", "19, moderately-severe",
                "20, severe", "27, severe"
        })
        void bandsAt5_10_15_20(int total, String band) {
            InstrumentScore s = phq.score(totalling(phq, total));
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.band().code()).isEqualTo(band);
            assertThat(s.prorated()).isFalse();
        }

        @Test
        void item9AboveZeroIsFlagged() {
            assertThat(phq.score(answers(0, 0, 0, 0, 0, 0, 0, 0, 0)).flags()).isEmpty();
            InstrumentScore s = phq.score(answers(0, 0, 0, 0, 0, 0, 0, 0, 1));
            assertThat(s.flags()).containsExactly("self-harm");
            assertThat(s.band().code()).isEqualTo("minimal"); // the flag does not depend on the total
            assertThat(phq.score(answers(3, 3, 3, 3, 3, 3, 3, 3, 0)).flags()).isEmpty();
            assertThat(phq.score(answers(3, 3, 3, 3, 3, 3, 3, 3, 3)).flags()).containsExactly("self-harm");
        }

        @Test
        void oneMissingItemIsReplacedByTheMeanOfTheOthers() {
            // 2 × 7 + 0 = 14 over 8 answered: 14 × 9 / 8 = 15.75 → 16
            InstrumentScore s = phq.score(answers(2, 2, 2, 2, 2, 2, 2, null, 0));
            assertThat(s.answered()).isEqualTo(8);
            assertThat(s.sum()).isEqualTo(14);
            assertThat(s.total()).isEqualTo(16);
            assertThat(s.prorated()).isTrue();
            assertThat(s.band().code()).isEqualTo("moderately-severe");
        }

        @Test
        void proratingRoundsHalfUpAndCanCrossABand() {
            // 4 over 8 answered: 4 × 9 / 8 = 4.5 → 5 (mild); 3 × 9 / 8 = 3.375 → 3 (minimal)
            assertThat(phq.score(answers(1, 1, 1, 1, 0, 0, 0, null, 0)).total()).isEqualTo(5);
            assertThat(phq.score(answers(1, 1, 1, 1, 0, 0, 0, null, 0)).band().code()).isEqualTo("mild");
            assertThat(phq.score(answers(1, 1, 1, 0, 0, 0, 0, null, 0)).total()).isEqualTo(3);
            assertThat(phq.score(answers(1, 1, 1, 0, 0, 0, 0, null, 0)).band().code()).isEqualTo("minimal");
        }

        @Test
        void twoMissingItemsAreProrated() {
            // 7 over 7 answered: 7 × 9 / 7 = 9 (mild); 8 × 9 / 7 = 10.29 → 10 (moderate)
            InstrumentScore nine = phq.score(answers(2, 2, 1, 1, 1, null, null, 0, 0));
            assertThat(nine.sum()).isEqualTo(7);
            assertThat(nine.total()).isEqualTo(9);
            assertThat(nine.band().code()).isEqualTo("mild");
            InstrumentScore ten = phq.score(answers(2, 2, 2, 1, 1, null, null, 0, 0));
            assertThat(ten.total()).isEqualTo(10);
            assertThat(ten.band().code()).isEqualTo("moderate");
            assertThat(ten.answered()).isEqualTo(7);
        }

        @Test
        void threeMissingItemsAreNotScored() {
            rejected(phq, answers(2, 2, 2, null, null, null, 1, 1, 0), "answers", "[4, 5, 6]",
                    "at most 2 may be missing", "NHS Data Dictionary");
        }

        @Test
        void item9MustBeAnsweredEvenWhenTheOthersAre() {
            rejected(phq, answers(1, 1, 1, 1, 1, 1, 1, 1, null), "answers[8]", "item 9", "must be answered");
        }

        @Test
        void outOfRangeAnswersNameTheItem() {
            rejected(phq, answers(0, 0, 0, 4, 0, 0, 0, 0, 0), "answers[3]", "item 4 of the Patient Health "
                    + "Questionnaire (PHQ-9) must be 0..3, was 4");
            rejected(phq, answers(0, 0, 0, 0, 0, 0, 0, 0, -1), "answers[8]", "item 9", "was -1");
        }

        @Test
        void theWrongNumberOfAnswersIsRefused() {
            rejected(phq, answers(0, 0, 0, 0, 0, 0, 0, 0), "answers", "9 items", "got 8");
            rejected(phq, List.of(), "answers", "got 0");
        }
    }

    @Nested
    class Gad7 {

        private final Instrument gad = Instruments.GAD_7_V1;

        @ParameterizedTest(name = "total {0}: {1}")
        @CsvSource({
                "0, minimal", "4, minimal",
                "5, mild", "9, mild",
                "10, moderate", "14, moderate",
                "15, severe", "21, severe"
        })
        void bandsAt5_10_15(int total, String band) {
            InstrumentScore s = gad.score(totalling(gad, total));
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.band().code()).isEqualTo(band);
            assertThat(s.flags()).isEmpty();
        }

        @Test
        void oneMissingItemIsProrated() {
            // 4 over 6 answered: 4 × 7 / 6 = 4.67 → 5 (mild); 3 × 7 / 6 = 3.5 → 4 (minimal); 18 × 7 / 6 = 21
            assertThat(gad.score(answers(1, 1, 1, 1, 0, 0, null)).total()).isEqualTo(5);
            assertThat(gad.score(answers(1, 1, 1, 1, 0, 0, null)).band().code()).isEqualTo("mild");
            InstrumentScore halfUp = gad.score(answers(1, 1, 1, 0, 0, null, 0));
            assertThat(halfUp.total()).isEqualTo(4);
            assertThat(halfUp.band().code()).isEqualTo("minimal");
            InstrumentScore top = gad.score(answers(null, 3, 3, 3, 3, 3, 3));
            assertThat(top.total()).isEqualTo(21);
            assertThat(top.prorated()).isTrue();
            assertThat(top.answered()).isEqualTo(6);
        }

        @Test
        void twoMissingItemsAreNotScored() {
            rejected(gad, answers(1, null, 1, 1, null, 1, 1), "answers", "[2, 5]", "at most 1 may be missing");
        }

        @Test
        void outOfRangeAnswersNameTheItem() {
            rejected(gad, answers(0, 0, 0, 0, 0, 0, 4), "answers[6]", "item 7", "0..3", "was 4");
        }
    }

    @Nested
    class PainCatastrophizing {

        private final Instrument pcs = Instruments.PCS_V1;

        @Test
        void subscalesAreSumsOfTheirItems() {
            // items 1..13 = 1 2 3 4 0 1 2 3 4 0 1 2 3
            // helplessness 1,2,3,4,5,12 = 1+2+3+4+0+2 = 12; rumination 8,9,10,11 = 3+4+0+1 = 8;
            // magnification 6,7,13 = 1+2+3 = 6; total 26
            InstrumentScore s = pcs.score(parse("1 2 3 4 0 1 2 3 4 0 1 2 3"));
            assertThat(s.total()).isEqualTo(26);
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("rumination", 8);
            expected.put("magnification", 6);
            expected.put("helplessness", 12);
            assertThat(s.subscales()).containsExactlyEntriesOf(expected);
            assertThat(s.band().code()).isEqualTo("not-clinically-relevant");
        }

        @ParameterizedTest(name = "total {0}: {1}")
        @CsvSource({"0, not-clinically-relevant", "29, not-clinically-relevant", "30, clinically-relevant",
                "52, clinically-relevant"})
        void thirtyOrMoreIsClinicallyRelevant(int total, String band) {
            InstrumentScore s = pcs.score(totalling(pcs, total));
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.band().code()).isEqualTo(band);
            assertThat(s.subscales().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        }

        @Test
        void everyItemMustBeAnswered() {
            rejected(pcs, parse("1 2 3 4 0 1 2 3 4 0 1 2 -"), "answers", "[13]", "every item must be answered");
        }

        @Test
        void outOfRangeAnswersNameTheItem() {
            rejected(pcs, parse("1 2 3 4 5 1 2 3 4 0 1 2 3"), "answers[4]", "item 5", "0..4", "was 5");
        }
    }

    @Nested
    class Kinesiophobia {

        private final Instrument tsk = Instruments.TSK_11_V1;

        @ParameterizedTest(name = "total {0}: {1}")
        @CsvSource({
                "11, minimal", "22, minimal",
                "23, low", "28, low",
                "29, moderate", "35, moderate",
                "36, high", "44, high"
        })
        void bandsAt23_29_36(int total, String band) {
            InstrumentScore s = tsk.score(totalling(tsk, total));
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.band().code()).isEqualTo(band);
        }

        @Test
        void answersRunFrom1To4() {
            assertThat(tsk.score(parse("1 1 1 1 1 1 1 1 1 1 1")).total()).isEqualTo(11);
            rejected(tsk, parse("1 1 1 1 1 1 1 1 1 1 0"), "answers[10]", "item 11", "1..4", "was 0");
            rejected(tsk, parse("1 1 1 1 1 1 - 1 1 1 1"), "answers", "[7]");
        }
    }

    @Nested
    class SelfEfficacy {

        private final Instrument pseq = Instruments.PSEQ_V1;

        @ParameterizedTest(name = "total {0}: {1}")
        @CsvSource({
                "0, severe", "19, severe",
                "20, moderate", "30, moderate",
                "31, mild", "40, mild",
                "41, minimal", "60, minimal"
        })
        void bandsAt20_31_41(int total, String band) {
            InstrumentScore s = pseq.score(totalling(pseq, total));
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.band().code()).isEqualTo(band);
        }

        @Test
        void answersRunFrom0To6AndAllAreNeeded() {
            // 6+5+4+3+2+1+0+6+5+4 = 36
            assertThat(pseq.score(parse("6 5 4 3 2 1 0 6 5 4")).total()).isEqualTo(36);
            rejected(pseq, parse("6 5 4 3 2 1 7 6 5 4"), "answers[6]", "item 7", "0..6", "was 7");
            rejected(pseq, parse("6 5 4 3 2 1 - 6 5 4"), "answers", "[7]");
        }
    }
}
