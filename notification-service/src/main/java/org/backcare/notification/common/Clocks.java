package org.backcare.notification.common;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** The one clock of the service, in the clinic's time zone (the default for quiet hours and reminders). */
public class Clocks {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "backcare.time-zone") ZoneId zone) {
        // Microsecond ticks: what PostgreSQL stores, so a time answered right after a change equals the one read later.
        return Clock.tick(Clock.system(zone), Duration.ofNanos(1000));
    }
}
