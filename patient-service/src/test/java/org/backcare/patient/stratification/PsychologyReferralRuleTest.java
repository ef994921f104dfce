package org.backcare.patient.stratification;

import org.backcare.patient.stratification.PsychologyReferralRule.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When the physicians are told that a high-risk patient has no psychologist: once per episode. */
class PsychologyReferralRuleTest {

    @ParameterizedTest(name = "stratum {0}, psychologist {1}, discharged {2}, episode open {3} -> {4}")
    @CsvSource(nullValues = "none", value = {
            // high risk without a psychologist opens an episode, once
            "high, false, false, false, OPEN",
            "high, false, false, true, KEEP",
            // a psychologist on the team: no episode, an open one ends
            "high, true, false, false, KEEP",
            "high, true, false, true, CLOSE",
            // below high: no episode, an open one ends
            "medium, false, false, false, KEEP",
            "medium, false, false, true, CLOSE",
            "low, false, false, true, CLOSE",
            "none, false, false, false, KEEP",
            // a discharged patient is referred no more
            "high, false, true, false, KEEP",
            "high, false, true, true, CLOSE",
    })
    void oncePerEpisode(String stratum, boolean psychologist, boolean discharged, boolean open, Decision expected) {
        assertThat(PsychologyReferralRule.decide(stratum, psychologist, discharged, open)).isEqualTo(expected);
    }
}
