package org.backcare.notification.preference;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final QuietHours AFTERNOON = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));

    @Test
    void aWindowThatWrapsMidnightContainsTheLateEveningAndTheEarlyMorning() {
        assertThat(NIGHT.wrapsMidnight()).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(22, 0))).as("the start is inside").isTrue();
        assertThat(NIGHT.contains(LocalTime.of(23, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.MIDNIGHT)).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(7, 0))).as("the end is outside").isFalse();
        assertThat(NIGHT.contains(LocalTime.NOON)).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(21, 59))).isFalse();
    }

    @Test
    void aWindowWithinOneDay() {
        assertThat(AFTERNOON.wrapsMidnight()).isFalse();
        assertThat(AFTERNOON.contains(LocalTime.of(13, 0))).isTrue();
        assertThat(AFTERNOON.contains(LocalTime.of(14, 59))).isTrue();
        assertThat(AFTERNOON.contains(LocalTime.of(15, 0))).isFalse();
        assertThat(AFTERNOON.contains(LocalTime.of(12, 59))).isFalse();
        assertThat(AFTERNOON.contains(LocalTime.of(23, 0))).isFalse();
    }

    @Test
    void outsideTheWindowNothingWaits() {
        Instant noon = at("2026-05-12T12:00+02:00");
        assertThat(NIGHT.deferUntil(noon, STOCKHOLM)).isEqualTo(noon);
        Instant end = at("2026-05-12T07:00+02:00");
        assertThat(NIGHT.deferUntil(end, STOCKHOLM)).as("at the end exactly").isEqualTo(end);
    }

    @Test
    void inTheEveningItWaitsForTomorrowMorningInTheMorningForThisMorning() {
        assertThat(NIGHT.deferUntil(at("2026-05-12T22:00+02:00"), STOCKHOLM)).isEqualTo(at("2026-05-13T07:00+02:00"));
        assertThat(NIGHT.deferUntil(at("2026-05-12T23:30+02:00"), STOCKHOLM)).isEqualTo(at("2026-05-13T07:00+02:00"));
        assertThat(NIGHT.deferUntil(at("2026-05-13T00:00+02:00"), STOCKHOLM)).isEqualTo(at("2026-05-13T07:00+02:00"));
        assertThat(NIGHT.deferUntil(at("2026-05-13T06:59+02:00"), STOCKHOLM)).isEqualTo(at("2026-05-13T07:00+02:00"));
        assertThat(AFTERNOON.deferUntil(at("2026-05-12T13:00+02:00"), STOCKHOLM)).isEqualTo(at("2026-05-12T15:00+02:00"));
    }

    @Test
    void theTimeIsTheUsersWallClockInTheirZone() {
        // 23:00 UTC is 01:00 in Stockholm in summer: quiet there, until 07:00 Stockholm time.
        Instant now = at("2026-05-12T23:00Z");
        assertThat(NIGHT.deferUntil(now, STOCKHOLM)).isEqualTo(at("2026-05-13T07:00+02:00"));
        assertThat(NIGHT.deferUntil(now, ZoneId.of("America/New_York"))).as("19:00 in New York").isEqualTo(now);
    }

    @Test
    void aNightWithTheSpringForwardChangeIsAnHourShorter() {
        // Stockholm, 29 March 2026: 02:00 CET becomes 03:00 CEST.
        Instant evening = at("2026-03-28T23:00+01:00");
        Instant morning = NIGHT.deferUntil(evening, STOCKHOLM);
        assertThat(morning).isEqualTo(at("2026-03-29T07:00+02:00"));
        assertThat(java.time.Duration.between(evening, morning).toHours()).isEqualTo(7);
    }

    @Test
    void anEndTimeThatTheClockSkipsEndsWhenTheClockJumps() {
        // 02:30 does not exist on 29 March 2026 in Stockholm: quiet hours end at the jump, 03:00 CEST.
        QuietHours untilHalfPastTwo = new QuietHours(LocalTime.of(23, 0), LocalTime.of(2, 30));
        assertThat(untilHalfPastTwo.deferUntil(at("2026-03-28T23:30+01:00"), STOCKHOLM))
                .isEqualTo(at("2026-03-29T03:00+02:00"));
    }

    @Test
    void anEndTimeThatHappensTwiceEndsTheFirstTimeUnlessThatIsPast() {
        // Stockholm, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:00-02:59 happens twice.
        QuietHours early = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30));
        assertThat(early.deferUntil(at("2026-10-25T02:10+02:00"), STOCKHOLM)).isEqualTo(at("2026-10-25T02:30+02:00"));
        assertThat(early.deferUntil(at("2026-10-25T02:10+01:00"), STOCKHOLM)).isEqualTo(at("2026-10-25T02:30+01:00"));
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(7, 0), LocalTime.of(7, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
