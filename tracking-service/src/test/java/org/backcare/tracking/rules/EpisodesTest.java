package org.backcare.tracking.rules;

import org.backcare.tracking.rules.Episodes.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodesTest {

    @ParameterizedTest(name = "holds={0}, open={1} → {2}")
    @CsvSource({
            "true,  false, RAISE",
            "true,  true,  KEEP_OPEN",
            "false, true,  CLOSE",
            "false, false, NOTHING"
    })
    void decisionTable(boolean holds, boolean open, Decision expected) {
        assertThat(Episodes.decide(holds, open)).isEqualTo(expected);
    }

    /** Poor sleep on days 1-3, fine on day 4, poor again on days 5-6: two alerts, not five. */
    @Test
    void oneAlertPerEpisode() {
        boolean[] holds = {true, true, true, false, true, true};
        boolean open = false;
        List<Decision> decisions = new ArrayList<>();
        for (boolean h : holds) {
            Decision d = Episodes.decide(h, open);
            decisions.add(d);
            open = d == Decision.RAISE || d == Decision.KEEP_OPEN;
        }
        assertThat(decisions).containsExactly(Decision.RAISE, Decision.KEEP_OPEN, Decision.KEEP_OPEN, Decision.CLOSE,
                Decision.RAISE, Decision.KEEP_OPEN);
        assertThat(decisions).filteredOn(d -> d == Decision.RAISE).hasSize(2);
    }

    @Test
    void decideAll_everyType() {
        List<Finding> findings = List.of(
                Finding.of(AlertType.FLARE, "flare", Map.of()),
                Finding.of(AlertType.POOR_SLEEP, "sleep", Map.of()));
        Map<AlertType, Decision> d = Episodes.decideAll(findings, Set.of(AlertType.FLARE, AlertType.NSAID_OVERUSE));
        assertThat(d).hasSize(AlertType.values().length);
        assertThat(d).containsEntry(AlertType.FLARE, Decision.KEEP_OPEN)
                .containsEntry(AlertType.POOR_SLEEP, Decision.RAISE)
                .containsEntry(AlertType.NSAID_OVERUSE, Decision.CLOSE)
                .containsEntry(AlertType.RED_FLAG_SYMPTOM, Decision.NOTHING)
                .containsEntry(AlertType.ODI_CHANGE, Decision.NOTHING);
        assertThat(d.keySet()).containsExactly(AlertType.values());
    }

    @Test
    void aRedFlagEpisodeOutlivesEvaluationsThatKnowNothingOfTodayUntilTheDayEnds() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 3);
        // The missed-check-in pass on the day the episode opened, no check-in today: stays open.
        assertThat(Episodes.redFlagEpisode(Episodes.Decision.CLOSE, false, today, today)).isEqualTo(Episodes.Decision.KEEP_OPEN);
        // Today's check-in without red flags: the patient says they are gone.
        assertThat(Episodes.redFlagEpisode(Episodes.Decision.CLOSE, true, today, today)).isEqualTo(Episodes.Decision.CLOSE);
        // Opened on an earlier day: the day is over, a new red flag is a new alert.
        assertThat(Episodes.redFlagEpisode(Episodes.Decision.CLOSE, false, today.minusDays(1), today)).isEqualTo(Episodes.Decision.CLOSE);
        assertThat(Episodes.redFlagEpisode(Episodes.Decision.KEEP_OPEN, false, today, today)).isEqualTo(Episodes.Decision.KEEP_OPEN);
    }
}
