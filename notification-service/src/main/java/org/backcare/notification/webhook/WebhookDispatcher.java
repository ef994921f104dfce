package org.backcare.notification.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Sends the due webhook deliveries, one transaction each. */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_PER_PASS = 500;

    private final WebhookDeliveries deliveries;

    public WebhookDispatcher(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(every = "${backcare.webhooks.dispatch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        try {
            for (int i = 0; i < MAX_PER_PASS && deliveries.dispatchNextDue(); i++) {
                // one delivery per transaction: a failure affects that delivery only, and it is retried next pass
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhook dispatch pass failed; due deliveries are retried on the next pass");
        }
    }
}
