package org.backcare.tracking.rules;

import org.backcare.tracking.questionnaire.Instrument;
import org.backcare.tracking.questionnaire.Instruments;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The questionnaire safety rules at and just below every threshold, on results scored by the real instrument
 * definitions (so a rule cannot drift from its instrument's bands). Pure, no Quarkus.
 */
class QuestionnaireRulesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-07");

    /** A stored result of the current definition of {@code instrument}, as the rule engine reads it. */
    private static QuestionnaireOutcome result(String instrument, LocalDate day, List<Integer> answers) {
        Questionnaire q = new Questionnaire();
        q.id = UUID.randomUUID();
        q.patientId = UUID.randomUUID();
        q.kind = instrument;
        q.version = Instruments.current(instrument).orElseThrow().version();
        q.day = day;
        q.answers = answers;
        q.recordedAt = Instant.parse("2026-12-07T10:00:00Z");
        return RuleEngine.outcome(q);
    }

    /** PHQ-9 answers adding up to {@code total} with item 9 answered {@code item9}. */
    private static List<Integer> phq9(int total, int item9) {
        List<Integer> answers = new ArrayList<>();
        int left = total - item9;
        for (int i = 0; i < 8; i++) {
            int a = Math.min(3, left);
            answers.add(a);
            left -= a;
        }
        assertThat(left).isZero();
        answers.add(item9);
        return answers;
    }

    /** Answers of {@code instrument} adding up to {@code total}, raised from item 1 on. */
    private static List<Integer> totalling(String instrument, int total) {
        Instrument definition = Instruments.current(instrument).orElseThrow();
        List<Integer> answers = new ArrayList<>();
        int left = total - definition.minTotal();
        for (Instrument.Item item : definition.items()) {
            int raise = Math.min(left, item.max() - item.min());
            answers.add(item.min() + raise);
            left -= raise;
        }
        assertThat(left).isZero();
        return answers;
    }

    private static QuestionnaireOutcome phq9Result(int total, int item9) {
        return result(Instruments.PHQ_9, DAY, phq9(total, item9));
    }

    private static QuestionnaireOutcome scored(String instrument, int total) {
        return result(instrument, DAY, totalling(instrument, total));
    }

    private static QuestionnaireOutcome earlier(String instrument, int total) {
        return result(instrument, DAY.minusDays(28), instrument.equals(Instruments.PHQ_9) ? phq9(total, 0)
                : totalling(instrument, total));
    }

    @Nested
    class SelfHarm {

        private final SelfHarmRule rule = new SelfHarmRule();

        @Test
        void item9AnsweredOneIsUrgentForPsychologistsAndPhysiciansWhateverTheTotal() {
            Finding f = rule.evaluate(phq9Result(1, 1), null).orElseThrow();
            assertThat(f.type()).isEqualTo(AlertType.SELF_HARM_RISK);
            assertThat(f.priority()).isEqualTo("urgent");
            assertThat(f.details()).containsEntry("audience", List.of("psychologist", "physician"))
                    .containsEntry("instrument", "phq-9").containsEntry("score", 1).containsEntry("band", "minimal")
                    .containsEntry("item", 9).containsEntry("itemAnswer", 1)
                    .containsEntry("flags", List.of("self-harm"));
            assertThat(f.message()).contains("item 9").contains("answered 1 of 3").contains("today");
        }

        @Test
        void item9AnsweredThreeIsUrgent() {
            assertThat(rule.evaluate(phq9Result(27, 3), null)).isPresent();
        }

        @Test
        void item9AnsweredZeroIsNotEvenWithTheHighestOtherTotal() {
            assertThat(rule.evaluate(phq9Result(24, 0), null)).isEmpty();
        }

        @Test
        void otherInstrumentsNeverRaiseIt() {
            assertThat(rule.evaluate(scored(Instruments.GAD_7, 21), null)).isEmpty();
        }
    }

    @Nested
    class PsychologicalDistress {

        private final PsychologicalDistressRule rule = new PsychologicalDistressRule();

        @Test
        void phq9AtModerateTenNotifiesThePsychologist() {
            Finding f = rule.evaluate(phq9Result(10, 0), null).orElseThrow();
            assertThat(f.priority()).isEqualTo("high");
            assertThat(f.details()).containsEntry("audience", List.of("psychologist")).containsEntry("band", "moderate")
                    .containsEntry("moderateOrWorse", true).containsEntry("worsenedByMcid", false);
        }

        @Test
        void phq9AtNineMildWithoutAnEarlierResultDoesNot() {
            assertThat(rule.evaluate(phq9Result(9, 0), null)).isEmpty();
        }

        @Test
        void phq9SevereNotifies() {
            assertThat(rule.evaluate(phq9Result(20, 0), null).orElseThrow().details()).containsEntry("band", "severe");
        }

        @Test
        void gad7AtModerateTenNotifiesAndAtNineDoesNot() {
            assertThat(rule.evaluate(scored(Instruments.GAD_7, 10), null)).isPresent();
            assertThat(rule.evaluate(scored(Instruments.GAD_7, 9), null)).isEmpty();
        }

        @Test
        void phq9WorseByTheMcidOfFivePointsNotifiesEvenWhenMild() {
            Finding f = rule.evaluate(phq9Result(8, 0), earlier(Instruments.PHQ_9, 3)).orElseThrow();
            assertThat(f.details()).containsEntry("previousScore", 3).containsEntry("changePoints", 5)
                    .containsEntry("mcidPoints", BigDecimal.valueOf(5)).containsEntry("worsenedByMcid", true)
                    .containsEntry("moderateOrWorse", false);
            assertThat(f.message()).contains("up 5 points from 3");
        }

        @Test
        void phq9WorseByFourPointsDoesNot() {
            assertThat(rule.evaluate(phq9Result(8, 0), earlier(Instruments.PHQ_9, 4))).isEmpty();
        }

        @Test
        void gad7WorseByTheMcidOfFourNotifiesAndByThreeDoesNot() {
            assertThat(rule.evaluate(scored(Instruments.GAD_7, 6), earlier(Instruments.GAD_7, 2))).isPresent();
            assertThat(rule.evaluate(scored(Instruments.GAD_7, 6), earlier(Instruments.GAD_7, 3))).isEmpty();
        }

        @Test
        void anImprovementByTheMcidDoesNot() {
            assertThat(rule.evaluate(phq9Result(4, 0), earlier(Instruments.PHQ_9, 9))).isEmpty();
        }

        @Test
        void otherInstrumentsDoNot() {
            assertThat(rule.evaluate(scored(Instruments.PCS, 52), null)).isEmpty();
            assertThat(rule.evaluate(scored(Instruments.PSEQ, 0), null)).isEmpty();
        }
    }

    @Nested
    class FearAvoidance {

        private final FearAvoidanceRule rule = new FearAvoidanceRule();

        @Test
        void pcsAtThirtyNotifiesPsychologistAndPhysicalTherapist() {
            Finding f = rule.evaluate(scored(Instruments.PCS, 30), null).orElseThrow();
            assertThat(f.type()).isEqualTo(AlertType.FEAR_AVOIDANCE);
            assertThat(f.details()).containsEntry("audience", List.of("psychologist", "physical-therapist"))
                    .containsEntry("score", 30).containsEntry("band", "clinically-relevant");
        }

        @Test
        void pcsAtTwentyNineDoesNot() {
            assertThat(rule.evaluate(scored(Instruments.PCS, 29), null)).isEmpty();
        }

        @Test
        void tsk11HighAtThirtySixNotifiesAndModerateThirtyFiveDoesNot() {
            assertThat(rule.evaluate(scored(Instruments.TSK_11, 36), null).orElseThrow().details())
                    .containsEntry("band", "high");
            assertThat(rule.evaluate(scored(Instruments.TSK_11, 35), null)).isEmpty();
        }

        @Test
        void otherInstrumentsDoNot() {
            assertThat(rule.evaluate(scored(Instruments.GAD_7, 21), null)).isEmpty();
            assertThat(rule.evaluate(scored(Instruments.START_BACK, 9), null)).isEmpty();
        }
    }

    @Nested
    class TheRulebook {

        @Test
        void aModeratePhq9WithItem9RaisesBothInAlertTypeOrder() {
            assertThat(QuestionnaireRules.evaluate(phq9Result(14, 2), null)).extracting(Finding::type)
                    .containsExactly(AlertType.SELF_HARM_RISK, AlertType.PSYCHOLOGICAL_DISTRESS);
        }

        @Test
        void aQuietResultRaisesNothing() {
            assertThat(QuestionnaireRules.evaluate(phq9Result(4, 0), null)).isEmpty();
            assertThat(QuestionnaireRules.evaluate(scored(Instruments.PSEQ, 10), null)).isEmpty();
        }

        @Test
        void detailsCarryScoresNeverAnswersOrText() {
            Finding f = QuestionnaireRules.evaluate(phq9Result(14, 2), null).get(0);
            assertThat(f.details()).containsOnlyKeys("questionnaireId", "instrument", "version", "day", "score", "band",
                    "flags", "audience", "item", "itemAnswer");
        }

        @Test
        void thePreviousResultMustBeOfTheSameInstrument() {
            assertThatThrownBy(() -> QuestionnaireRules.evaluate(phq9Result(4, 0), earlier(Instruments.GAD_7, 3)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
