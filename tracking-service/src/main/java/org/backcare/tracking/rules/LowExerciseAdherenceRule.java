package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Low exercise adherence: home exercise sessions done / prescribed over the last 14 days is below 50 %, judged only
 * when sessions were prescribed and tracking has run at least 14 days (trackingSince on or before today − 13)."
 * <p>
 * People who keep up their home exercises see 82 % improvement, those who don't 45 %: adherence is worth a call.
 */
public final class LowExerciseAdherenceRule implements Rule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public AlertType type() {
        return AlertType.LOW_EXERCISE_ADHERENCE;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        int done = h.exerciseSessionsDone14d();
        int prescribed = h.exerciseSessionsPrescribed14d();
        if (prescribed <= 0) {
            return Optional.empty();
        }
        if (h.trackingSince().isAfter(h.today().minusDays(t.adherenceWindowDays() - 1L))) {
            return Optional.empty(); // not tracked long enough to judge
        }
        // done / prescribed × 100 < threshold, exact
        if (BigDecimal.valueOf(done).multiply(HUNDRED)
                .compareTo(t.lowAdherencePercent().multiply(BigDecimal.valueOf(prescribed))) >= 0) {
            return Optional.empty();
        }
        BigDecimal percent = BigDecimal.valueOf(done).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(prescribed), 2, RoundingMode.HALF_UP);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sessionsDone", done);
        details.put("sessionsPrescribed", prescribed);
        details.put("adherencePercent", percent);
        details.put("thresholdPercent", t.lowAdherencePercent());
        details.put("windowDays", t.adherenceWindowDays());
        String message = "Low home exercise adherence: " + done + " of " + prescribed
                + " prescribed sessions in the last " + t.adherenceWindowDays() + " days (" + Rules.plain(percent)
                + " %, below "
                + Rules.plain(t.lowAdherencePercent()) + " %). Patients who keep up their home exercises improve far "
                + "more often (82 % vs 45 %); consider asking what gets in the way.";
        return Optional.of(Finding.of(type(), message, details));
    }
}
