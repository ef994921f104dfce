package org.backcare.platform.web;

import org.backcare.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {

    @Test
    void aMissingIfMatchIsPreconditionRequired() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch("  ", 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
    }

    @Test
    void aStaleETagIsPreconditionFailedAndNamesTheCurrentOne() {
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.getMessage()).contains("\"3\"");
                });
    }

    @Test
    void anyOfSeveralETagsMayMatch() {
        assertThatCode(() -> ETags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
    }
}
