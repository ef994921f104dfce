package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "ODI change: the latest Oswestry Disability Index differs from the baseline (the first) by 10 points or more; the
 * message says whether it improved (lower) or worsened (higher)." Needs at least two scores.
 */
public final class OdiChangeRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.ODI_CHANGE;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        List<PatientHistory.OdiPoint> odi = h.odi();
        if (odi.size() < 2) {
            return Optional.empty();
        }
        PatientHistory.OdiPoint baseline = odi.get(0);
        PatientHistory.OdiPoint latest = odi.get(odi.size() - 1);
        BigDecimal change = latest.score().subtract(baseline.score());
        if (change.abs().compareTo(t.odiChangePoints()) < 0) {
            return Optional.empty();
        }
        boolean improved = change.signum() < 0;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("direction", improved ? "improved" : "worsened");
        details.put("baselineDay", baseline.day());
        details.put("baselineScore", baseline.score());
        details.put("latestDay", latest.day());
        details.put("latestScore", latest.score());
        details.put("changePoints", change);
        String message = "Disability (ODI) " + (improved ? "improved" : "worsened") + ": "
                + Rules.plain(baseline.score()) + " at baseline (" + baseline.day() + "), "
                + Rules.plain(latest.score()) + " on " + latest.day() + ", " + (improved ? "down " : "up ")
                + Rules.plain(change.abs()) + " points (clinically important from " + Rules.plain(t.odiChangePoints())
                + ")." + (improved ? "" : " Consider reviewing the plan with the patient.");
        return Optional.of(Finding.of(type(), message, details));
    }
}
