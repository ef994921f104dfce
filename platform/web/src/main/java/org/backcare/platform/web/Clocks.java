package org.backcare.platform.web;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The one clock of every service, injectable so rules that depend on "today" can be tested: in the clinic's time
 * zone ({@code backcare.time-zone}, UTC unless set), so "today" is the same day in every service.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "backcare.time-zone", defaultValue = "UTC") ZoneId zone) {
        return of(zone);
    }

    /**
     * Microsecond ticks: what PostgreSQL stores, so a time answered right after a change equals the one read later
     * (an ETag or a "since" cursor built from it still matches).
     */
    public static Clock of(ZoneId zone) {
        return Clock.tick(Clock.system(zone), Duration.ofNanos(1000));
    }
}
