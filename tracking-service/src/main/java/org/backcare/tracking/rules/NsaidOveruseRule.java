package org.backcare.tracking.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * "NSAID overuse: an NSAID (drug class 'nsaid') taken on more than 10 consecutive days ending today or yesterday, OR
 * any day's total above that day's maximum daily dose within the last 14 days." NSAIDs should not be taken daily for
 * longer than recommended: stomach ulcers and kidney strain.
 * <p>
 * Consecutive days count any systemic NSAID (switching from ibuprofen to naproxen does not restart the count); a day
 * counts when some NSAID dose above 0 was taken. The run may end yesterday because today's doses may not be logged
 * yet. The dose check looks at NSAIDs only (other classes have their own risks and deserve their own rule) and skips
 * days whose plan sets no maximum.
 */
public final class NsaidOveruseRule implements Rule {

    /** The dose check looks this many days back, today included. */
    public static final int DOSE_LOOKBACK_DAYS = 14;

    @Override
    public AlertType type() {
        return AlertType.NSAID_OVERUSE;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        LocalDate today = h.today();
        List<MedicationDay> nsaids = h.medicationDays().stream()
                .filter(MedicationDay::isNsaid)
                .filter(m -> !m.day().isAfter(today))
                .collect(Collectors.toList());

        Set<LocalDate> takenDays = nsaids.stream().filter(MedicationDay::taken).map(MedicationDay::day)
                .collect(Collectors.toCollection(TreeSet::new));
        LocalDate runEnd = takenDays.contains(today) ? today
                : takenDays.contains(today.minusDays(1)) ? today.minusDays(1) : null;
        int run = 0;
        LocalDate runStart = null;
        if (runEnd != null) {
            LocalDate d = runEnd;
            while (takenDays.contains(d)) {
                run++;
                runStart = d;
                d = d.minusDays(1);
            }
        }
        boolean tooLong = run > t.nsaidMaxConsecutiveDays();

        LocalDate doseFrom = today.minusDays(DOSE_LOOKBACK_DAYS - 1L);
        List<MedicationDay> overMax = nsaids.stream()
                .filter(m -> !m.day().isBefore(doseFrom))
                .filter(MedicationDay::aboveMaxDailyDose)
                .sorted(Comparator.comparing(MedicationDay::day).thenComparing(MedicationDay::drug))
                .collect(Collectors.toList());

        if (!tooLong && overMax.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        if (tooLong) {
            LocalDate from = runStart;
            LocalDate to = runEnd;
            List<String> drugs = nsaids.stream()
                    .filter(MedicationDay::taken)
                    .filter(m -> !m.day().isBefore(from) && !m.day().isAfter(to))
                    .map(MedicationDay::drug).distinct().sorted().collect(Collectors.toList());
            details.put("consecutiveDays", run);
            details.put("maxConsecutiveDays", t.nsaidMaxConsecutiveDays());
            details.put("from", from);
            details.put("to", to);
            details.put("drugs", drugs);
            parts.add("taken on " + run + " consecutive days (" + from + " to " + to + ", " + String.join(", ", drugs)
                    + "), more than the " + t.nsaidMaxConsecutiveDays() + " days recommended");
        }
        if (!overMax.isEmpty()) {
            List<Map<String, Object>> overs = new ArrayList<>();
            List<String> words = new ArrayList<>();
            for (MedicationDay m : overMax) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("day", m.day());
                o.put("drug", m.drug());
                o.put("totalDose", m.totalDose());
                o.put("maxDailyDose", m.maxDailyDose());
                overs.add(o);
                words.add(m.drug() + " " + Rules.plain(m.totalDose()) + " on " + m.day() + " (max "
                        + Rules.plain(m.maxDailyDose()) + ")");
            }
            details.put("aboveMaxDailyDose", overs);
            parts.add("above the maximum daily dose: " + String.join("; ", words));
        }
        String message = "NSAID overuse: " + String.join("; and ", parts)
                + ". Risk of stomach ulcers and kidney strain; review the pain medication with the patient.";
        return Optional.of(Finding.of(type(), message, details));
    }
}
