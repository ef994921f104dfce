package org.backcare.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalReadsTest {

    @Test
    void theCurrentTagMatchesStrongOrWeakAloneOrInAList() {
        assertThat(ConditionalReads.matches("\"3\"", "3")).isTrue();
        assertThat(ConditionalReads.matches("W/\"3\"", "3")).isTrue();
        assertThat(ConditionalReads.matches("\"1\", \"3\"", "3")).isTrue();
        assertThat(ConditionalReads.matches("*", "3")).isTrue();
    }

    @Test
    void anotherVersionAnUnquotedTagOrNoHeaderDoNotMatch() {
        assertThat(ConditionalReads.matches("\"2\"", "3")).isFalse();
        assertThat(ConditionalReads.matches("\"33\"", "3")).isFalse();
        assertThat(ConditionalReads.matches("3", "3")).isFalse();
        assertThat(ConditionalReads.matches("", "3")).isFalse();
        assertThat(ConditionalReads.matches(null, "3")).isFalse();
    }
}
