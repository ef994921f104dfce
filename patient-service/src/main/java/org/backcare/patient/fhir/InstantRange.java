package org.backcare.patient.fhir;

import org.backcare.platform.fhir.FhirException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of instants, {@code from} inclusive and {@code to} exclusive, either end open when {@code null}: what a
 * FHIR date search parameter ({@code date}, {@code _lastUpdated}, {@code _since}) means for a value that is a point
 * in time. Plain code, unit-tested without Quarkus.
 *
 * <p>A search value stands for the interval of its precision ({@code 2025} is the whole year, {@code 2025-03-01}
 * the whole day, in UTC when no offset is given); the prefix says how the resource's instant relates to it:
 * {@code eq} (default) within it, {@code ge} from its start, {@code gt}/{@code sa} after its end, {@code le} before
 * its end, {@code lt}/{@code eb} before its start. {@code ne} and {@code ap} are not supported. Several values of
 * one parameter are ANDed: {@code date=ge2025-01-01&date=lt2025-02-01} is January.
 */
public record InstantRange(Instant from, Instant to) {

    public static final InstantRange ALL = new InstantRange(null, null);

    private static final Pattern VALUE = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?"
                    + "(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

    /** The values of one parameter, ANDed; {@link #ALL} when there are none. */
    public static InstantRange parseAll(String parameter, List<String> values) {
        InstantRange range = ALL;
        if (values != null) {
            for (String value : values) {
                range = range.intersect(parse(parameter, value));
            }
        }
        return range;
    }

    public static InstantRange parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw FhirException.badRequest(parameter + ": a date is missing");
        }
        String prefix = "eq";
        String date = value.strip();
        if (date.length() > 2 && Character.isLetter(date.charAt(0)) && Character.isLetter(date.charAt(1))) {
            prefix = date.substring(0, 2).toLowerCase(Locale.ROOT);
            date = date.substring(2);
        }
        InstantRange interval = interval(parameter, value, date);
        return switch (prefix) {
            case "eq" -> interval;
            case "ge" -> new InstantRange(interval.from, null);
            case "gt", "sa" -> new InstantRange(interval.to, null);
            case "le" -> new InstantRange(null, interval.to);
            case "lt", "eb" -> new InstantRange(null, interval.from);
            case "ne", "ap" -> throw FhirException.notSupported(parameter + ": the prefix '" + prefix
                    + "' is not supported; use eq, ge, gt, le, lt, sa or eb");
            default -> throw FhirException.badRequest(parameter + ": '" + prefix
                    + "' is not a search prefix; use eq, ge, gt, le, lt, sa or eb");
        };
    }

    /** One point in time given to the second or finer, as {@code _since} takes it. */
    public static Instant parseInstant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw FhirException.badRequest(parameter + ": an instant is missing");
        }
        Matcher m = VALUE.matcher(value.strip());
        if (!m.matches() || m.group(6) == null || m.group(8) == null) {
            throw FhirException.badRequest(parameter + ": '" + value
                    + "' is not an instant such as 2025-03-01T09:15:00Z (seconds and time zone are required)");
        }
        return interval(parameter, value, value.strip()).from;
    }

    private static InstantRange interval(String parameter, String original, String date) {
        Matcher m = VALUE.matcher(date);
        if (!m.matches()) {
            throw FhirException.badRequest(parameter + ": '" + original
                    + "' is not a FHIR date such as 2025, 2025-03, 2025-03-01 or 2025-03-01T09:15:00Z");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                LocalDate start = LocalDate.of(year, 1, 1);
                return days(start, start.plusYears(1));
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                LocalDate start = LocalDate.of(year, month, 1);
                return days(start, start.plusMonths(1));
            }
            LocalDate day = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return days(day, day.plusDays(1));
            }
            ZoneOffset offset = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(m.group(8));
            LocalDateTime time = day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            Duration precision = Duration.ofMinutes(1);
            if (m.group(6) != null) {
                time = time.withSecond(Integer.parseInt(m.group(6)));
                precision = Duration.ofSeconds(1);
                if (m.group(7) != null) {
                    String fraction = m.group(7);
                    time = time.withNano(new BigDecimal("0." + fraction).movePointRight(9).intValueExact());
                    precision = Duration.ofNanos(BigDecimal.ONE.movePointLeft(fraction.length())
                            .movePointRight(9).longValueExact());
                }
            }
            Instant start = time.toInstant(offset);
            return new InstantRange(start, start.plus(precision));
        } catch (DateTimeException | ArithmeticException e) {
            throw FhirException.badRequest(parameter + ": '" + original + "' is not a real date or time");
        }
    }

    private static InstantRange days(LocalDate start, LocalDate end) {
        return new InstantRange(start.atStartOfDay().toInstant(ZoneOffset.UTC),
                end.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Both ranges at once. */
    public InstantRange intersect(InstantRange other) {
        Instant newFrom = from == null ? other.from : other.from == null || from.isAfter(other.from) ? from : other.from;
        Instant newTo = to == null ? other.to : other.to == null || to.isBefore(other.to) ? to : other.to;
        return new InstantRange(newFrom, newTo);
    }

    public boolean contains(Instant instant) {
        return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
    }

    public boolean isAll() {
        return from == null && to == null;
    }
}
