package org.backcare.notification.reminder;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/** Daily check-in reminders (backcare.reminders.*). */
@ConfigMapping(prefix = "backcare.reminders")
public interface ReminderConfig {

    /**
     * The local time the reminder comes for patients who chose none in their preferences. Empty: only patients who
     * chose a time are reminded (the tests use that, so reminders never show up in unrelated inbox assertions).
     */
    Optional<LocalTime> defaultTime();

    /** How often patients due a reminder are looked for; the reminder comes at most this late. */
    Duration checkInterval();
}
