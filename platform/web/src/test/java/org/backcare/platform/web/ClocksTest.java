package org.backcare.platform.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ClocksTest {

    @Test
    void theClockIsInTheClinicsTimeZone() {
        Clock clock = Clocks.of(ZoneId.of("Europe/Stockholm"));

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void theClockTicksInMicrosecondsLikePostgres() {
        Clock clock = Clocks.of(ZoneId.of("UTC"));

        for (int i = 0; i < 100; i++) {
            assertThat(clock.instant().getNano() % 1000).isZero();
        }
    }
}
