package org.backcare.notification.reminder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;

/** Daily check-in reminders (backcare.reminders.*). */
@ConfigMapping(prefix = "backcare.reminders")
public interface ReminderConfig {

    /** The local time the reminder comes for patients who chose none in their preferences. */
    @WithDefault("19:00")
    LocalTime defaultTime();

    /** How often patients due a reminder are looked for; the reminder comes at most this late. */
    @WithDefault("1m")
    Duration checkInterval();
}
