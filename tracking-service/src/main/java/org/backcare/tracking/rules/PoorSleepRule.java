package org.backcare.tracking.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Poor sleep: sleep quality of 3 or less on at least 5 of the last 7 nights." Poor sleep magnifies pain.
 * <p>
 * The last 7 nights are those reported from today − 6 to today; a night not reported is not counted as poor.
 */
public final class PoorSleepRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.POOR_SLEEP;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        LocalDate to = h.today();
        LocalDate from = to.minusDays(t.poorSleepWindow() - 1L);
        Collection<Integer> nights = h.sleepQuality().subMap(from, to.plusDays(1)).values();
        long poor = nights.stream().filter(q -> q <= t.poorSleepQualityAtMost()).count();
        if (poor < t.poorSleepNights()) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("poorNights", (int) poor);
        details.put("nightsReported", nights.size());
        details.put("windowNights", t.poorSleepWindow());
        details.put("qualityAtMost", t.poorSleepQualityAtMost());
        String message = "Poor sleep: sleep quality " + t.poorSleepQualityAtMost() + "/10 or worse on " + poor
                + " of the last " + t.poorSleepWindow()
                + " nights. Poor sleep magnifies pain; consider addressing sleep in the plan.";
        return Optional.of(Finding.of(type(), message, details));
    }
}
