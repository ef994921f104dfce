package org.backcare.tracking.questionnaire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OdiTest {

    private static List<Integer> answers(Integer... a) {
        return Arrays.asList(a);
    }

    @Test
    void allTenAnswered_isSumOutOf50() {
        // 3+2+4+3+2+1+3+0+2+3 = 23; 23 / 50 × 100 = 46.0
        OdiScore s = Odi.score(answers(3, 2, 4, 3, 2, 1, 3, 0, 2, 3));
        assertThat(s.answered()).isEqualTo(10);
        assertThat(s.sum()).isEqualTo(23);
        assertThat(s.percent()).isEqualByComparingTo("46.0");
        assertThat(s.percent().scale()).isEqualTo(1);
    }

    @Test
    void oneSkipped_denominatorIs45() {
        // section 8 (sex life) skipped: 3+2+4+3+2+1+3+2+3 = 23; 23 / 45 × 100 = 51.111... → 51.1
        OdiScore s = Odi.score(answers(3, 2, 4, 3, 2, 1, 3, null, 2, 3));
        assertThat(s.answered()).isEqualTo(9);
        assertThat(s.sum()).isEqualTo(23);
        assertThat(s.percent()).isEqualTo(new BigDecimal("51.1"));
    }

    @Test
    void twoSkipped_denominatorIs40() {
        // 5+4+3+2+1+0+5+4 = 24; 24 / 40 × 100 = 60.0
        OdiScore s = Odi.score(answers(5, null, 4, 3, 2, 1, 0, null, 5, 4));
        assertThat(s.answered()).isEqualTo(8);
        assertThat(s.sum()).isEqualTo(24);
        assertThat(s.percent()).isEqualTo(new BigDecimal("60.0"));
    }

    @Test
    void roundsHalfUpToOneDecimal() {
        // 1 / 40 × 100 = 2.5 exactly; 2 / 45 × 100 = 4.444... → 4.4; 4 / 45 × 100 = 8.888... → 8.9
        assertThat(Odi.score(answers(1, 0, 0, 0, 0, 0, 0, 0, null, null)).percent()).isEqualTo(new BigDecimal("2.5"));
        assertThat(Odi.score(answers(2, 0, 0, 0, 0, 0, 0, 0, 0, null)).percent()).isEqualTo(new BigDecimal("4.4"));
        assertThat(Odi.score(answers(4, 0, 0, 0, 0, 0, 0, 0, 0, null)).percent()).isEqualTo(new BigDecimal("8.9"));
        // 5×7 + 2 + 0 = 37 of 9 answered: 37 / 45 × 100 = 82.222... → 82.2
        assertThat(Odi.score(answers(5, 5, 5, 5, 5, 5, 5, 2, 0, null)).percent()).isEqualTo(new BigDecimal("82.2"));
        // first and last skipped, 3 of 8 × 5: 3 / 40 × 100 = 7.5
        assertThat(Odi.score(answers(null, 3, 0, 0, 0, 0, 0, 0, 0, null)).percent()).isEqualTo(new BigDecimal("7.5"));
    }

    @Test
    void extremes() {
        assertThat(Odi.score(answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).percent()).isEqualTo(new BigDecimal("0.0"));
        assertThat(Odi.score(answers(5, 5, 5, 5, 5, 5, 5, 5, 5, 5)).percent()).isEqualTo(new BigDecimal("100.0"));
        assertThat(Odi.score(answers(5, 5, 5, 5, 5, 5, 5, 5, null, null)).percent()).isEqualTo(new BigDecimal("100.0"));
    }

    @Test
    void sevenAnswered_isRefused() {
        assertThatThrownBy(() -> Odi.score(answers(1, 2, 3, null, 1, 2, null, 3, null, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least 8 of 10 sections must be answered; 7 were");
    }

    @Test
    void noneAnswered_isRefused() {
        assertThatThrownBy(() -> Odi.score(Arrays.asList(new Integer[10])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least 8 of 10 sections must be answered; 0 were");
    }

    @Test
    void valueSix_isRefusedNamingTheSection() {
        assertThatThrownBy(() -> Odi.score(answers(1, 2, 3, 6, 1, 2, 0, 3, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("section 4")
                .hasMessageContaining("0..5")
                .hasMessageContaining("6");
    }

    @Test
    void negativeValue_isRefusedNamingTheSection() {
        assertThatThrownBy(() -> Odi.score(answers(1, 2, 3, 4, 1, 2, 0, 3, 0, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("section 10");
    }

    @Test
    void wrongNumberOfSections_isRefused() {
        assertThatThrownBy(() -> Odi.score(answers(1, 2, 3, 4, 1, 2, 0, 3, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 10").hasMessageContaining("9");
        assertThatThrownBy(() -> Odi.score(answers(1, 2, 3, 4, 1, 2, 0, 3, 0, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11");
        assertThatThrownBy(() -> Odi.score(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "40.0, 30.0, true",   // improved by exactly 10
            "40.0, 50.0, true",   // worsened by exactly 10
            "40.0, 30.1, false",  // 9.9
            "40.0, 49.9, false",  // 9.9
            "40.0, 40.0, false",
            "62.2, 20.0, true",
            "0.0, 10.0, true"
    })
    void clinicallyImportantChange_isTenPointsEitherWay(String before, String after, boolean important) {
        assertThat(Odi.clinicallyImportantChange(new BigDecimal(before), new BigDecimal(after))).isEqualTo(important);
    }

    @Test
    void scoreRecordChecksItsNumbers() {
        assertThatThrownBy(() -> new OdiScore(11, 0, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OdiScore(8, 41, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OdiScore(8, 10, null)).isInstanceOf(NullPointerException.class);
    }
}
