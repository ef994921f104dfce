package org.backcare.notification.email;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Looks for due e-mail and sends it; what fails is retried later by the outbox's backoff, not here. */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final int MAX_PER_PASS = 200;

    private final EmailOutbox outbox;

    public EmailSender(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(every = "${backcare.email.send-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        try {
            for (int i = 0; i < MAX_PER_PASS; i++) {
                // One message per transaction. After a failure the pass ends: when the SMTP server is down, trying
                // every other due message now would only wait out one connection timeout after another.
                if (outbox.sendNextDue() != EmailOutbox.Attempt.SENT) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "e-mail pass failed; due messages are tried again on the next pass");
        }
    }
}
