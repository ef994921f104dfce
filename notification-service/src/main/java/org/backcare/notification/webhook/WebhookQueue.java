package org.backcare.notification.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.backcare.notification.event.EventRouted;
import org.backcare.notification.routing.Notice;
import org.backcare.notification.routing.Routing;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Queues one delivery per subscribed endpoint for every routed event, in the transaction that handled the event:
 * if that transaction rolls back, nothing is queued, and once it commits the delivery survives any restart.
 */
@ApplicationScoped
public class WebhookQueue {

    private static final Logger LOG = Logger.getLogger(WebhookQueue.class);

    private final ObjectMapper json;
    private final Clock clock;

    public WebhookQueue(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onRouted(@Observes EventRouted routed) {
        // Few endpoints exist (one or two per integrator), so filtering the kinds here is cheaper than a jsonb query.
        // A disabled endpoint still gets its deliveries queued: they wait until it is re-enabled, nothing is lost.
        List<WebhookEndpoint> endpoints = WebhookEndpoint.listAll();
        Instant now = Instant.now(clock);
        for (WebhookEndpoint endpoint : endpoints) {
            List<Notice> wanted = routed.notices().stream()
                    .filter(n -> !Routing.clinicianOnlyKinds().contains(n.kind()) && endpoint.wants(n.kind())).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            UUID id = UUID.randomUUID();
            String payload = WebhookPayload.of(json, id, routed.event(), wanted);
            // The event handler already ignores replayed events; the unique key makes a double queue impossible even
            // if that ever changes, without failing the event's transaction.
            int queued = WebhookDelivery.getEntityManager().createNativeQuery("""
                            insert into webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, attempts,
                                                          next_attempt_at, created_at)
                            values (:id, :endpoint, :event, :type, :payload, 'pending', 0, :now, :now)
                            on conflict (endpoint_id, event_id) do nothing""")
                    .setParameter("id", id)
                    .setParameter("endpoint", endpoint.id)
                    .setParameter("event", routed.event().id())
                    .setParameter("type", routed.event().type())
                    .setParameter("payload", payload)
                    .setParameter("now", now)
                    .executeUpdate();
            if (queued == 0) {
                LOG.debugf("event %s was already queued for webhook %s", routed.event().id(), endpoint.id);
            }
        }
    }
}
