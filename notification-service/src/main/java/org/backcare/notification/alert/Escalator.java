package org.backcare.notification.alert;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

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
        for (UUID id : alerts.dueIds(MAX_PER_PASS)) {
            try {
                alerts.escalateIfDue(id);
            } catch (RuntimeException e) {
                // One alert that cannot be escalated (bad data, say) must not stop the chase of all the others.
                LOG.errorf(e, "escalating alert %s failed; it is retried shortly", id);
                try {
                    alerts.postpone(id);
                } catch (RuntimeException again) {
                    LOG.errorf(again, "could not postpone alert %s", id);
                }
            }
        }
    }
}
