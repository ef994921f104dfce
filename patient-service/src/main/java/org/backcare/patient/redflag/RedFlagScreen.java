package org.backcare.patient.redflag;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a red-flag screening. Every item must be answered: an unanswered item is not a negative one.
 * Any positive item makes the screening positive, which puts the patient under urgent review.
 */
public final class RedFlagScreen {

    /** The outcome: the positive items in checklist order. */
    public record Result(boolean positive, List<RedFlag> findings) {
    }

    private RedFlagScreen() {
    }

    public static Result evaluate(Map<RedFlag, Boolean> answers) {
        List<RedFlag> unanswered = Arrays.stream(RedFlag.values())
                .filter(flag -> answers.get(flag) == null).toList();
        if (!unanswered.isEmpty()) {
            throw new IllegalArgumentException("every red flag must be answered; missing: " + unanswered);
        }
        List<RedFlag> findings = Arrays.stream(RedFlag.values()).filter(answers::get).toList();
        return new Result(!findings.isEmpty(), findings);
    }

    /** Convenience for callers that build answers item by item. */
    public static Map<RedFlag, Boolean> answers() {
        return new EnumMap<>(RedFlag.class);
    }
}
