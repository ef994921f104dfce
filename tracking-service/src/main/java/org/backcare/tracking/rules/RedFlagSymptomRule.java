package org.backcare.tracking.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "A red-flag symptom reported today (any of them) is urgent."
 * <p>
 * Red flags (loss of bladder or bowel control, numbness in the saddle area, new weakness in the legs, fever,
 * unexplained weight loss, night pain...) can mean cauda equina syndrome, infection, fracture or a tumour: they need
 * urgent medical evaluation, whatever the pain score.
 */
public final class RedFlagSymptomRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.RED_FLAG_SYMPTOM;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        if (h.redFlagsReportedToday().isEmpty()) {
            return Optional.empty();
        }
        List<String> flags = new ArrayList<>(h.redFlagsReportedToday()); // sorted: the history keeps a TreeSet
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("day", h.today());
        details.put("redFlags", List.copyOf(flags));
        String message = (flags.size() == 1 ? "Red-flag symptom" : "Red-flag symptoms") + " reported today ("
                + h.today() + "): " + String.join(", ", flags)
                + ". Needs urgent medical evaluation: contact the patient today.";
        return Optional.of(Finding.of(type(), message, details));
    }
}
