package org.backcare.notification.preference;

import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.problem.ProblemType;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks a preferences document and turns it into {@link Settings}; every mistake is reported at once. Pure. */
public final class PreferenceRules {

    /** "HH:mm" only: "7:00", "22:00:30" or "24:00" are refused rather than guessed at. */
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    /**
     * A deliberately plain check (something@domain.tld, no spaces, no line breaks): good enough to catch typos, and it
     * keeps header injection out. Whether the mailbox exists only the mail server can tell.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final int MAX_EMAIL_LENGTH = 254;

    private PreferenceRules() {
    }

    public static Settings validate(PreferencesDocument doc) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (doc == null) {
            throw new ProblemException(ProblemType.MALFORMED, "the request body is missing; send a JSON object");
        }
        boolean emailEnabled = true;
        if (doc.channels() == null) {
            errors.add(error("channels", "required; send {\"inApp\": true, \"email\": true|false}"));
        } else {
            if (doc.channels().inApp() == null) {
                errors.add(error("channels.inApp", "required; must be true"));
            } else if (!doc.channels().inApp()) {
                errors.add(error("channels.inApp", "the in-app inbox cannot be turned off: urgent alerts and guidance "
                        + "must always reach you there; turn e-mail off or set quiet hours instead"));
            }
            if (doc.channels().email() == null) {
                errors.add(error("channels.email", "required; true or false"));
            } else {
                emailEnabled = doc.channels().email();
            }
        }
        String email = blankToNull(doc.email());
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            errors.add(error("email", "'" + email + "' is not an e-mail address such as anna.berg@example.org"));
        }
        QuietHours quietHours = null;
        if (doc.quietHours() != null) {
            LocalTime start = time(doc.quietHours().start(), "quietHours.start", true, errors);
            LocalTime end = time(doc.quietHours().end(), "quietHours.end", true, errors);
            if (start != null && end != null) {
                if (start.equals(end)) {
                    errors.add(error("quietHours.end", "must differ from the start; send quietHours: null for none"));
                } else {
                    quietHours = new QuietHours(start, end);
                }
            }
        }
        ZoneId zone = null;
        String zoneText = blankToNull(doc.timeZone());
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                errors.add(error("timeZone", "'" + zoneText + "' is not a time zone; use an IANA name such as Europe/Stockholm"));
            }
        }
        LocalTime reminder = time(doc.checkInReminderTime(), "checkInReminderTime", false, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return new Settings(emailEnabled, email, quietHours, zone, reminder);
    }

    private static LocalTime time(String text, String field, boolean required, List<Problem.FieldError> errors) {
        String value = blankToNull(text);
        if (value == null) {
            if (required) {
                errors.add(error(field, "required; a time of day such as 22:00"));
            }
            return null;
        }
        if (!TIME.matcher(value).matches()) {
            errors.add(error(field, "'" + value + "' is not a time of day in the form HH:mm, such as 22:00"));
            return null;
        }
        return LocalTime.parse(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Problem.FieldError error(String field, String message) {
        return new Problem.FieldError(field, message);
    }
}
