package org.backcare.notification.reminder;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderRulesTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 12);
    private static final LocalTime SEVEN_PM = LocalTime.of(19, 0);

    @Test
    void dueFromTheReminderTimeOn() {
        assertThat(ReminderRules.isDue(at(TODAY, 18, 59), SEVEN_PM, null, null)).isFalse();
        assertThat(ReminderRules.isDue(at(TODAY, 19, 0), SEVEN_PM, null, null)).isTrue();
        assertThat(ReminderRules.isDue(at(TODAY, 23, 59), SEVEN_PM, null, null)).isTrue();
    }

    @Test
    void notWhenCheckedInToday() {
        assertThat(ReminderRules.isDue(at(TODAY, 20, 0), SEVEN_PM, TODAY, null)).isFalse();
        assertThat(ReminderRules.isDue(at(TODAY, 20, 0), SEVEN_PM, TODAY.plusDays(1), null)).isFalse();
        assertThat(ReminderRules.isDue(at(TODAY, 20, 0), SEVEN_PM, TODAY.minusDays(1), null)).isTrue();
    }

    @Test
    void onceADay() {
        assertThat(ReminderRules.isDue(at(TODAY, 20, 0), SEVEN_PM, null, TODAY)).isFalse();
        assertThat(ReminderRules.isDue(at(TODAY, 20, 0), SEVEN_PM, null, TODAY.minusDays(1))).isTrue();
        // Reminded late yesterday: today's reminder still waits for today's reminder time.
        assertThat(ReminderRules.isDue(at(TODAY, 0, 5), SEVEN_PM, null, TODAY.minusDays(1))).isFalse();
    }

    @Test
    void midnightMeansAsSoonAsTheDayStarts() {
        assertThat(ReminderRules.isDue(at(TODAY, 0, 0), LocalTime.MIDNIGHT, null, null)).isTrue();
    }

    @Test
    void aReminderTimeTheClockSkipsComesWhenTheClockJumps() {
        // Stockholm, 29 March 2026: 02:00 becomes 03:00, so 02:30 never shows on the clock.
        LocalDate springForward = LocalDate.of(2026, 3, 29);
        LocalTime halfPastTwo = LocalTime.of(2, 30);
        assertThat(ReminderRules.isDue(at(springForward, 1, 59), halfPastTwo, null, null)).isFalse();
        assertThat(ReminderRules.isDue(at(springForward, 3, 0), halfPastTwo, null, null)).isTrue();
    }

    private static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), STOCKHOLM);
    }
}
