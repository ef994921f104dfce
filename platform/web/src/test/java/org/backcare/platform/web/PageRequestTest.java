package org.backcare.platform.web;

import org.backcare.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        PageRequest request = new PageRequest();

        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(20);
        assertThat(request.offset()).isZero();
    }

    @Test
    void theOffsetFollowsPageAndSize() {
        assertThat(new PageRequest(3, 25).offset()).isEqualTo(75);
    }

    @Test
    void aSizeOutOfRangeIsA400NamingTheParameter() {
        assertThatThrownBy(() -> new PageRequest(0, 101).size())
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("size"));
                });
        assertThatThrownBy(() -> new PageRequest(-1, 10).page())
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).startsWith("page:"));
    }
}
