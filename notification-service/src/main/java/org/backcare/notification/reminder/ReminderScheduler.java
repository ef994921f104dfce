package org.backcare.notification.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/** Runs the daily check-in reminders every few moments; each patient in a transaction of their own. */
@ApplicationScoped
public class ReminderScheduler {

    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class);
    private static final int PAGE = 200;

    private final Reminders reminders;

    public ReminderScheduler(Reminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(every = "${backcare.reminders.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void remindDue() {
        int sent = 0;
        UUID after = null;
        try {
            do {
                Reminders.Page page = reminders.due(after, PAGE);
                for (UUID patientId : page.due()) {
                    try {
                        if (reminders.remindIfDue(patientId)) {
                            sent++;
                        }
                    } catch (RuntimeException e) {
                        // One patient's failure must not cost the others their reminder; retried next pass.
                        LOG.errorf(e, "check-in reminder for patient %s failed; retried on the next pass", patientId);
                    }
                }
                after = page.next();
            } while (after != null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "check-in reminder pass failed; retried on the next pass");
        }
        if (sent > 0) {
            LOG.infof("%d daily check-in reminder(s) sent", sent);
        }
    }
}
