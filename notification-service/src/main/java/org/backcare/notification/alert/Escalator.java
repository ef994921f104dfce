package org.backcare.notification.alert;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Looks for urgent alerts nobody acknowledged in time and escalates them, one transaction each. */
@ApplicationScoped
public class Escalator {

    private static final Logger LOG = Logger.getLogger(Escalator.class);
    private static final int MAX_PER_PASS = 500;

    private final Alerts alerts;

    public Escalator(Alerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(every = "${backcare.escalation.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void escalateDue() {
        try {
            for (int i = 0; i < MAX_PER_PASS && alerts.escalateNextDue(); i++) {
                // one alert per transaction: a failure affects that alert only, and it is retried next pass
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "escalation pass failed; due alerts are retried on the next pass");
        }
    }
}
