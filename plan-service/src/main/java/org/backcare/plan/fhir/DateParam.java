package org.backcare.plan.fhir;

import org.backcare.platform.fhir.FhirException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One FHIR date search value such as {@code ge2026-01-01} or {@code lt2026-03-01T10:00:00Z}: a prefix and the range
 * [{@code from}, {@code until}) its precision covers (a day, a month, a year, or a single instant).
 */
public record DateParam(Prefix prefix, Instant from, Instant until) {

    public enum Prefix { EQ, GT, LT, GE, LE }

    private static final Pattern SHAPE = Pattern.compile("(eq|gt|lt|ge|le|ne|sa|eb|ap)?(.+)");

    public static DateParam parse(String name, String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw FhirException.badRequest(name + ": '" + text + "' is not a FHIR date such as ge2026-01-01");
        }
        String prefix = m.group(1) == null ? "eq" : m.group(1);
        if (prefix.equals("ne") || prefix.equals("sa") || prefix.equals("eb") || prefix.equals("ap")) {
            throw FhirException.notSupported(name + ": the prefix '" + prefix + "' is not supported; use eq, gt, ge, lt or le");
        }
        String value = m.group(2);
        try {
            Instant from;
            Instant until;
            if (value.matches("\\d{4}")) {
                LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
                from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
                until = start.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(value);
                from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                until = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(value);
                from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                until = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                from = OffsetDateTime.parse(value).toInstant();
                until = from.plusNanos(1_000);
            }
            if (from.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || from.isAfter(Instant.parse("9999-01-01T00:00:00Z"))) {
                throw FhirException.badRequest(name + ": '" + value + "' is out of range");
            }
            return new DateParam(Prefix.valueOf(prefix.toUpperCase()), from, until);
        } catch (java.time.DateTimeException e) {
            throw FhirException.badRequest(name + ": '" + value + "' is not a FHIR date or dateTime (2026-01-01, 2026-01-01T10:00:00Z)");
        }
    }

    /** The first day of the range (dates are compared in UTC). */
    public LocalDate fromDate() {
        return LocalDate.ofInstant(from, ZoneOffset.UTC);
    }

    /** The last day the range touches. */
    public LocalDate lastDate() {
        return LocalDate.ofInstant(until.minusNanos(1_000), ZoneOffset.UTC);
    }
}
