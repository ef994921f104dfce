package org.backcare.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Role;
import org.backcare.notification.inbox.Inbox;
import org.backcare.notification.routing.Priority;
import org.backcare.notification.routing.Recipient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Sends due deliveries, records every attempt, schedules retries and disables endpoints that keep failing. */
@ApplicationScoped
public class WebhookDeliveries {

    public static final String DISABLED_KIND = "webhook-disabled";
    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    private final Clock clock;
    private final RetryPolicy policy;
    private final WebhookSender sender;
    private final Inbox inbox;

    public WebhookDeliveries(Clock clock, WebhookConfig config, WebhookSender sender, Inbox inbox) {
        this.clock = clock;
        this.policy = RetryPolicy.of(config);
        this.sender = sender;
        this.inbox = inbox;
    }

    /**
     * Sends the delivery that has been due longest, in one transaction; false when none is due. The row stays locked
     * (SKIP LOCKED for everyone else) while the request is under way, so two passes or two instances never send the
     * same delivery twice; the request timeout bounds how long that is.
     */
    @Transactional
    public boolean dispatchNextDue() {
        @SuppressWarnings("unchecked")
        List<WebhookDelivery> due = WebhookDelivery.getEntityManager().createNativeQuery("""
                        select d.* from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                        where d.status = 'pending' and d.next_attempt_at <= :now and e.disabled_at is null
                        order by d.next_attempt_at limit 1 for update of d skip locked""", WebhookDelivery.class)
                .setParameter("now", Instant.now(clock))
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        WebhookDelivery delivery = due.get(0);
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        WebhookSender.Result result = sender.send(endpoint.url, endpoint.secret, delivery.id.toString(),
                delivery.eventType, delivery.payload);
        record(delivery, result);
        // The failure count is shared by all deliveries of the endpoint: lock it, after the request, only briefly.
        // (Always delivery first, then endpoint: the order every writer here keeps, so none deadlock.)
        WebhookEndpoint.getEntityManager().refresh(endpoint, LockModeType.PESSIMISTIC_WRITE);
        if (result.accepted()) {
            endpoint.consecutiveFailures = 0;
        } else {
            endpoint.consecutiveFailures++;
            if (endpoint.isEnabled() && policy.disables(endpoint.consecutiveFailures)) {
                disable(endpoint, endpoint.consecutiveFailures + " failed attempts in a row; last: " + describe(result));
            }
        }
        return true;
    }

    private void record(WebhookDelivery delivery, WebhookSender.Result result) {
        delivery.attempts++;
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = delivery.id;
        attempt.number = delivery.attempts;
        attempt.attemptedAt = result.startedAt();
        attempt.httpStatus = result.httpStatus();
        attempt.error = result.error();
        attempt.durationMs = result.durationMs();
        attempt.persist();
        Instant now = Instant.now(clock);
        if (result.accepted()) {
            delivery.status = DeliveryStatus.DELIVERED.code();
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            return;
        }
        Instant next = policy.nextAttempt(delivery.attempts, now, ThreadLocalRandom.current().nextDouble());
        if (next == null) {
            delivery.status = DeliveryStatus.FAILED.code();
            delivery.nextAttemptAt = null;
            LOG.warnf("webhook delivery %s of event %s given up after %d attempts; last: %s", delivery.id,
                    delivery.eventId, delivery.attempts, describe(result));
        } else {
            delivery.nextAttemptAt = next;
        }
    }

    /** Stops sending to the endpoint (its deliveries wait) and tells the admins and the owner. */
    private void disable(WebhookEndpoint endpoint, String reason) {
        endpoint.disabledAt = Instant.now(clock);
        endpoint.disabledReason = reason;
        String title = "Webhook disabled: " + endpoint.url;
        String message = "Webhook " + endpoint.id + " (" + endpoint.url + ", owner " + endpoint.ownerSubject
                + ") was disabled: " + reason + ". Its deliveries wait; once the receiver works again, re-enable it "
                + "with POST /webhooks/" + endpoint.id + "/enable.";
        inbox.store(Recipient.everyone(Role.ADMIN), null, null, null, DISABLED_KIND, Priority.HIGH, title, message, 0);
        inbox.store(Recipient.person(endpoint.ownerSubject), null, null, null, DISABLED_KIND, Priority.HIGH, title,
                message, 0);
        LOG.warnf("webhook %s (%s) disabled: %s", endpoint.id, endpoint.url, reason);
    }

    private static String describe(WebhookSender.Result result) {
        return result.httpStatus() != null ? "HTTP " + result.httpStatus() : result.error();
    }
}
