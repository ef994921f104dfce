package org.backcare.notification.reminder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** When a patient gets today's check-in reminder. Pure. */
public final class ReminderRules {

    private ReminderRules() {
    }

    /**
     * Due once the reminder time has passed today on the patient's own clock, unless they checked in today or were
     * already reminded today. {@code now} is in the patient's zone; "today" is their local date.
     */
    public static boolean isDue(ZonedDateTime now, LocalTime reminderTime, LocalDate lastCheckInDay,
                                LocalDate lastRemindedOn) {
        LocalDate today = now.toLocalDate();
        if (lastRemindedOn != null && !lastRemindedOn.isBefore(today)) {
            return false;
        }
        // A check-in dated after "today" (the clinic's calendar ahead of the patient's) counts as done too.
        if (lastCheckInDay != null && !lastCheckInDay.isBefore(today)) {
            return false;
        }
        // Local wall-clock comparison: a 02:30 reminder on a spring-forward night comes at 03:00, not never.
        return !now.toLocalTime().isBefore(reminderTime);
    }
}
