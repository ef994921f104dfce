package org.backcare.tracking.questionnaire;

import org.backcare.tracking.questionnaire.InstrumentTrend.Point;
import org.backcare.tracking.questionnaire.InstrumentTrend.Summary;
import org.backcare.tracking.questionnaire.ScoreChange.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A score series and its verdict, at and just below each instrument's MCID. */
class InstrumentTrendTest {

    private static List<Point> series(String scores) {
        List<Point> points = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 9, 1);
        for (String score : scores.split(" ")) {
            points.add(new Point(UUID.randomUUID(), day, Integer.parseInt(score), "band"));
            day = day.plusWeeks(4);
        }
        return points;
    }

    @ParameterizedTest(name = "{0} [{1}]: since first {2} ({3}), since previous {4}, verdict {5}")
    @CsvSource({
            // PHQ-9, MCID 5 points: at it and just below, up and down
            "phq-9, 8 9 13, 5, true, 4, WORSE",
            "phq-9, 8 12, 4, false, 4, UNCHANGED",
            "phq-9, 14 12 9, -5, true, -3, BETTER",
            "phq-9, 14 10, -4, false, -4, UNCHANGED",
            // GAD-7, MCID 4 points
            "gad-7, 6 10, 4, true, 4, WORSE",
            "gad-7, 6 9, 3, false, 3, UNCHANGED",
            // PCS, MCID 38 % of the first score: 38 % of 30 is 11.4
            "pcs, 30 25 18, -12, true, -7, BETTER",
            "pcs, 30 19, -11, false, -11, UNCHANGED",
            // PSEQ, higher is better, MCID 5.5
            "pseq, 30 36, 6, true, 6, BETTER",
            "pseq, 30 35, 5, false, 5, UNCHANGED",
            "pseq, 30 24, -6, true, -6, WORSE",
            // STarT Back: no MCID, the verdict is the direction
            "start-back, 2 7, 5, false, 5, WORSE",
    })
    void theVerdictIsJudgedSinceTheFirstResultByTheMcid(String instrument, String scores, int sinceFirst,
                                                        boolean important, int sincePrevious, Direction verdict) {
        List<Point> points = series(scores);
        Summary summary = InstrumentTrend.of(Instruments.current(instrument).orElseThrow(), points);
        assertThat(summary.results()).isEqualTo(points);
        assertThat(summary.sinceFirst().from()).isEqualTo(points.get(0));
        assertThat(summary.sinceFirst().to()).isEqualTo(points.get(points.size() - 1));
        assertThat(summary.sinceFirst().change().points()).isEqualTo(sinceFirst);
        assertThat(summary.sinceFirst().change().clinicallyImportant()).isEqualTo(important);
        assertThat(summary.sincePrevious().from()).isEqualTo(points.get(points.size() - 2));
        assertThat(summary.sincePrevious().change().points()).isEqualTo(sincePrevious);
        assertThat(summary.verdict()).isEqualTo(verdict);
    }

    @Test
    void theLatestChangeCanReachTheMcidWhileTheWholeSeriesDoesNot() {
        // 8 -> 14 -> 9: back to almost where it started, but 5 better than last time
        Summary summary = InstrumentTrend.of(Instruments.current("phq-9").orElseThrow(), series("8 14 9"));
        assertThat(summary.sinceFirst().change().points()).isEqualTo(1);
        assertThat(summary.verdict()).isEqualTo(Direction.UNCHANGED);
        assertThat(summary.sincePrevious().change().clinicallyImportant()).isTrue();
        assertThat(summary.sincePrevious().change().direction()).isEqualTo(Direction.BETTER);
    }

    @Test
    void fewerThanTwoResultsHaveNoChangeAndNoVerdict() {
        Instrument phq9 = Instruments.current("phq-9").orElseThrow();
        assertThat(InstrumentTrend.of(phq9, List.of()).verdict()).isNull();
        Summary one = InstrumentTrend.of(phq9, series("12"));
        assertThat(one.results()).hasSize(1);
        assertThat(one.sinceFirst()).isNull();
        assertThat(one.sincePrevious()).isNull();
        assertThat(one.verdict()).isNull();
        assertThat(Arrays.asList(one.sinceFirst(), one.sincePrevious())).containsOnlyNulls();
    }
}
