package org.backcare.tracking.questionnaire;

import org.backcare.tracking.questionnaire.ScoreChange.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Change between two results against each instrument's MCID, at and just below it, in both directions. */
class ScoreChangeTest {

    @ParameterizedTest(name = "{0} {1} -> {2}: {3} points, important {4}, {5}, verdict {6}")
    @CsvSource({
            // PHQ-9: MCID 5 points
            "phq-9, 8, 13, 5, true, WORSE, WORSE",
            "phq-9, 8, 12, 4, false, WORSE, UNCHANGED",
            "phq-9, 14, 9, -5, true, BETTER, BETTER",
            "phq-9, 14, 10, -4, false, BETTER, UNCHANGED",
            "phq-9, 8, 8, 0, false, UNCHANGED, UNCHANGED",
            // GAD-7: MCID 4 points
            "gad-7, 6, 10, 4, true, WORSE, WORSE",
            "gad-7, 6, 9, 3, false, WORSE, UNCHANGED",
            // PCS: 38 % of the earlier score; 38 % of 30 is 11.4, so 12 points reach it and 11 do not
            "pcs, 30, 18, -12, true, BETTER, BETTER",
            "pcs, 30, 19, -11, false, BETTER, UNCHANGED",
            // 38 % of 50 is exactly 19
            "pcs, 50, 31, -19, true, BETTER, BETTER",
            "pcs, 50, 32, -18, false, BETTER, UNCHANGED",
            // no percentage of 0
            "pcs, 0, 20, 20, false, WORSE, UNCHANGED",
            // PSEQ: higher is better, MCID 5.5 points
            "pseq, 30, 36, 6, true, BETTER, BETTER",
            "pseq, 30, 35, 5, false, BETTER, UNCHANGED",
            "pseq, 30, 24, -6, true, WORSE, WORSE",
            // STarT Back: no MCID, the verdict is the direction
            "start-back, 2, 7, 5, false, WORSE, WORSE",
    })
    void changeAgainstTheMcid(String instrument, int earlier, int later, int points, boolean important,
                             Direction direction, Direction verdict) {
        Instrument definition = Instruments.current(instrument).orElseThrow();
        ScoreChange change = ScoreChange.between(definition, earlier, later);
        assertThat(change.points()).isEqualTo(points);
        assertThat(change.clinicallyImportant()).isEqualTo(important);
        assertThat(change.direction()).isEqualTo(direction);
        assertThat(ScoreChange.verdict(definition, change)).isEqualTo(verdict);
    }
}
