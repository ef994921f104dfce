package org.backcare.patient.redflag;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedFlagScreenTest {

    private static Map<RedFlag, Boolean> allNo() {
        Map<RedFlag, Boolean> answers = RedFlagScreen.answers();
        for (RedFlag flag : RedFlag.values()) {
            answers.put(flag, false);
        }
        return answers;
    }

    @Test
    void noRedFlagMeansNegative() {
        assertThat(RedFlagScreen.evaluate(allNo())).isEqualTo(new RedFlagScreen.Result(false, java.util.List.of()));
    }

    @Test
    void anySingleRedFlagMakesTheScreeningPositive() {
        for (RedFlag flag : RedFlag.values()) {
            Map<RedFlag, Boolean> answers = allNo();
            answers.put(flag, true);
            RedFlagScreen.Result result = RedFlagScreen.evaluate(answers);
            assertThat(result.positive()).as(flag.code()).isTrue();
            assertThat(result.findings()).containsExactly(flag);
        }
    }

    @Test
    void findingsFollowTheChecklistOrder() {
        Map<RedFlag, Boolean> answers = allNo();
        answers.put(RedFlag.SEVERE_UNRELENTING_NIGHT_PAIN, true);
        answers.put(RedFlag.FEVER, true);
        assertThat(RedFlagScreen.evaluate(answers).findings())
                .containsExactly(RedFlag.FEVER, RedFlag.SEVERE_UNRELENTING_NIGHT_PAIN);
    }

    @Test
    void anUnansweredItemIsNotANo() {
        Map<RedFlag, Boolean> answers = allNo();
        answers.remove(RedFlag.HISTORY_OF_CANCER);
        assertThatThrownBy(() -> RedFlagScreen.evaluate(answers)).hasMessageContaining("HISTORY_OF_CANCER");
    }
}
