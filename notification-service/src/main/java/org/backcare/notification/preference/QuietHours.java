package org.backcare.notification.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * A daily window of local wall-clock time in which a user wants no non-urgent e-mail, e.g. 22:00 to 07:00. The
 * start is inside the window, the end is not. A window whose start is after its end wraps midnight. Pure: the
 * caller passes the instant and the user's zone.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            // Would mean either "never" or "always"; refused rather than guessed.
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    public boolean wrapsMidnight() {
        return start.isAfter(end);
    }

    /** Whether this local time of day falls in the window. */
    public boolean contains(LocalTime time) {
        return wrapsMidnight()
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
    }

    /**
     * The earliest instant a non-urgent message may go out: {@code now} outside the window, the end of the current
     * window inside it. Computed on wall-clock time in {@code zone}, so daylight saving changes move the instant,
     * not the local time the user chose.
     */
    public Instant deferUntil(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!contains(time)) {
            return now;
        }
        LocalDate endDay = wrapsMidnight() && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        LocalDateTime localEnd = LocalDateTime.of(endDay, end);
        Instant until = firstMomentAt(localEnd, zone);
        if (!until.isAfter(now)) {
            // The clock was set back and the end time already passed once tonight: it ends when it comes round again.
            until = ZonedDateTime.of(localEnd, zone).withLaterOffsetAtOverlap().toInstant();
        }
        return until.isAfter(now) ? until : now;
    }

    /**
     * When the wall clock first shows this local time. In a spring-forward gap (02:30 that never happens) that is the
     * moment the clock jumps past it, not an hour later as {@link ZonedDateTime#of} would say.
     */
    private static Instant firstMomentAt(LocalDateTime localEnd, ZoneId zone) {
        if (zone.getRules().getValidOffsets(localEnd).isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(localEnd);
            return gap.getInstant();
        }
        return ZonedDateTime.of(localEnd, zone).withEarlierOffsetAtOverlap().toInstant();
    }
}
