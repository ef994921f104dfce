package org.backcare.notification.preference;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * My notification preferences, as read and as sent. The same shape both ways, so a client can read, change a field
 * and send it back. Times are local wall-clock times ("HH:mm") in {@code timeZone}.
 */
@Schema(name = "Preferences", description = "How and when I want to be notified")
public record PreferencesDocument(
        @Schema(required = true) Channels channels,
        @Schema(description = "Where my e-mail goes; null: the address the clinic has on file", example = "anna.berg@example.org",
                nullable = true) String email,
        @Schema(description = "No non-urgent e-mail in this daily window (may wrap midnight); urgent alerts are always "
                + "sent at once. null: no quiet hours", nullable = true) Window quietHours,
        @Schema(description = "An IANA time zone for quiet hours and reminders; null: the clinic's time zone",
                example = "Europe/Stockholm", nullable = true) String timeZone,
        @Schema(description = "Patients: when the daily check-in reminder comes if I have not checked in; "
                + "null: the clinic's default (19:00)", example = "19:00", nullable = true, type = SchemaType.STRING,
                pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$") String checkInReminderTime) {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Schema(name = "Channels", description = "Where notifications reach me")
    public record Channels(
            @Schema(description = "The inbox; always on (urgent alerts must reach you)", example = "true", required = true)
            Boolean inApp,
            @Schema(description = "E-mail in addition to the inbox", example = "true", required = true) Boolean email) {
    }

    @Schema(name = "QuietHours", description = "A daily window of local time, start inclusive, end exclusive")
    public record Window(
            @Schema(example = "22:00", required = true, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$") String start,
            @Schema(example = "07:00", required = true, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$") String end) {
    }

    static PreferencesDocument of(Settings s) {
        return new PreferencesDocument(new Channels(true, s.emailEnabled()), s.email(),
                s.quietHours() == null ? null : new Window(text(s.quietHours().start()), text(s.quietHours().end())),
                s.timeZone() == null ? null : s.timeZone().getId(), text(s.checkInReminderTime()));
    }

    private static String text(LocalTime time) {
        return time == null ? null : time.format(HH_MM);
    }
}
