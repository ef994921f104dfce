package org.backcare.notification.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.backcare.platform.access.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * New notifications for connected front ends (Server-Sent Events), whichever instance stored them. The storing
 * transaction sends a PostgreSQL NOTIFY with the notification's id, which PostgreSQL delivers to every listening
 * instance only when (and only if) that transaction commits; each instance's {@link NotificationListener} hands
 * the ids here and every subscriber sees what is addressed to them. A comment line every few seconds keeps quiet
 * streams open through proxies with idle timeouts. A client that was offline reads its inbox instead.
 */
@ApplicationScoped
public class LiveFeed {

    static final String CHANNEL = "backcare_notification";

    private final BroadcastProcessor<NotificationCreated> processor = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final EntityManager em;
    private final Duration heartbeat;

    public LiveFeed(EntityManager em, @ConfigProperty(name = "backcare.notifications.stream-heartbeat") Duration heartbeat) {
        this.em = em;
        this.heartbeat = heartbeat;
    }

    /** Inside the storing transaction: PostgreSQL holds the NOTIFY back until the commit. */
    void onCreated(@Observes NotificationCreated created) {
        em.createNativeQuery("select pg_notify(:channel, :id)")
                .setParameter("channel", CHANNEL)
                .setParameter("id", created.id().toString())
                .getSingleResult();
    }

    /** Called by the listener thread (one at a time) with the ids of notifications committed anywhere. */
    void committed(Collection<UUID> ids) {
        if (subscribers.get() == 0 || ids.isEmpty()) {
            return;
        }
        List<Notification> stored = QuarkusTransaction.requiringNew().call(() ->
                Notification.<Notification>list("id in ?1 order by createdAt", ids));
        stored.forEach(n -> processor.onNext(NotificationCreated.of(n)));
    }

    public Multi<OutboundSseEvent> of(Caller caller, Sse sse) {
        // A client that reads slowly gets a buffer, not a back-pressure failure that would end its stream.
        Multi<OutboundSseEvent> mine = processor.onOverflow().buffer(1024)
                .filter(n -> caller.subject().equals(n.recipientSubject())
                        || (n.recipientRole() != null && caller.has(n.recipientRole())))
                .map(n -> sse.newEventBuilder().id(n.id().toString()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(NotificationView.class, NotificationView.of(n)).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(heartbeat).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(mine, keepAlive)
                .onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet);
    }
}
