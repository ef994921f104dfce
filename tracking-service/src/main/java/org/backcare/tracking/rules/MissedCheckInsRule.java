package org.backcare.tracking.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Missed check-ins: no check-in for 3 days (today − last check-in is 3 days or more; if the patient never checked
 * in, counted from the day tracking started)." Pain is tracked daily; silence may mean a flare, a problem with the
 * app, or giving up.
 */
public final class MissedCheckInsRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.MISSED_CHECK_INS;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        LocalDate since = h.lastCheckInOrStart();
        int days = (int) ChronoUnit.DAYS.between(since, h.today());
        if (days < t.missedCheckInDays()) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("daysWithoutCheckIn", days);
        details.put("lastCheckIn", h.lastCheckIn());
        details.put("trackingSince", h.trackingSince());
        String message = h.lastCheckIn() != null
                ? "No check-in for " + days + " days (last on " + h.lastCheckIn() + ")."
                : "No check-in at all in the " + days + " days since tracking started (" + h.trackingSince() + ").";
        return Optional.of(Finding.of(type(), message + " Consider reaching out to the patient.", details));
    }
}
