package org.backcare.notification.common;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the service, injectable so rules that depend on "today" can be tested. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "backcare.time-zone") ZoneId zone) {
        // "Today" is the patient's today: a check-in at 00:30 in Stockholm is not "in the future".
        return Clock.system(zone);
    }
}
