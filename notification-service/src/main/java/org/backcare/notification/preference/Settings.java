package org.backcare.notification.preference;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One user's preferences, validated and parsed. {@code email}, {@code quietHours}, {@code timeZone} and
 * {@code checkInReminderTime} are null when the user chose nothing (the defaults then apply).
 */
public record Settings(boolean emailEnabled, String email, QuietHours quietHours, ZoneId timeZone,
                       LocalTime checkInReminderTime) {

    /** What a user who never saved preferences gets: e-mail on, at the address the clinic knows, no quiet hours. */
    public static final Settings DEFAULTS = new Settings(true, null, null, null, null);

    static Settings of(UserPreference p) {
        return new Settings(p.emailEnabled, p.email,
                p.quietHoursStart == null || p.quietHoursEnd == null ? null : new QuietHours(p.quietHoursStart, p.quietHoursEnd),
                p.timeZone == null ? null : ZoneId.of(p.timeZone), p.checkInReminderTime);
    }

    public ZoneId zoneOr(ZoneId fallback) {
        return timeZone == null ? fallback : timeZone;
    }

    public LocalTime reminderTimeOr(LocalTime fallback) {
        return checkInReminderTime == null ? fallback : checkInReminderTime;
    }
}
