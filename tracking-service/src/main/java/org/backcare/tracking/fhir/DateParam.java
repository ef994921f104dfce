package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.FhirException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FHIR date search parameter ({@code date}, {@code _lastUpdated}): an optional prefix (eq, gt, ge, lt, le) and a
 * date (yyyy, yyyy-MM, yyyy-MM-dd, taken in UTC) or a dateTime with its offset. Each value becomes one or two
 * comparisons on an instant column, to be ANDed.
 */
public final class DateParam {

    /** One SQL comparison: {@code column op value}. */
    public record Bound(String op, Instant value) {
    }

    private static final Pattern SYNTAX = Pattern.compile("^(eq|gt|ge|lt|le)?(\\d{4}(-\\d{2}(-\\d{2}(T.+)?)?)?)$");

    private DateParam() {
    }

    public static List<Bound> parse(String name, List<String> values) {
        List<Bound> bounds = new ArrayList<>();
        if (values == null) {
            return bounds;
        }
        for (String raw : values) {
            for (String value : raw.split(",")) {
                if (!value.isBlank()) {
                    bounds.addAll(parse(name, value.strip()));
                }
            }
        }
        return bounds;
    }

    static List<Bound> parse(String name, String value) {
        Matcher m = SYNTAX.matcher(value);
        if (!m.matches()) {
            throw invalid(name, value);
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        String date = m.group(2);
        Instant lower;
        Instant upper;
        try {
            if (date.length() == 4) {
                lower = LocalDate.of(Integer.parseInt(date), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
                upper = LocalDate.of(Integer.parseInt(date) + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (date.length() == 7) {
                YearMonth month = YearMonth.parse(date);
                lower = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                upper = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (date.length() == 10) {
                LocalDate day = LocalDate.parse(date);
                lower = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                upper = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                lower = OffsetDateTime.parse(date).toInstant();
                upper = null;
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(name, value);
        }
        if (upper == null) {
            return switch (prefix) {
                case "gt" -> List.of(new Bound(">", lower));
                case "ge" -> List.of(new Bound(">=", lower));
                case "lt" -> List.of(new Bound("<", lower));
                case "le" -> List.of(new Bound("<=", lower));
                default -> List.of(new Bound("=", lower));
            };
        }
        return switch (prefix) {
            case "gt" -> List.of(new Bound(">=", upper));
            case "ge" -> List.of(new Bound(">=", lower));
            case "lt" -> List.of(new Bound("<", lower));
            case "le" -> List.of(new Bound("<", upper));
            default -> List.of(new Bound(">=", lower), new Bound("<", upper));
        };
    }

    private static FhirException invalid(String name, String value) {
        return FhirException.badRequest(name + ": '" + value + "' is not a FHIR date search value; use an optional "
                + "prefix eq, gt, ge, lt or le and a date such as 2026-03-02 or 2026-03-02T10:00:00Z");
    }
}
