package org.backcare.notification.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.backcare.platform.access.Caller;

/**
 * New notifications for connected front ends (Server-Sent Events). Only committed notifications are pushed, and
 * each subscriber sees only what is addressed to them; a client that was offline reads its inbox instead.
 */
@ApplicationScoped
public class LiveFeed {

    private final BroadcastProcessor<NotificationCreated> processor = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated created) {
        processor.onNext(created);
    }

    public Multi<NotificationView> of(Caller caller) {
        // A client that reads slowly gets a buffer, not a back-pressure failure that would end its stream.
        return processor.onOverflow().buffer(1024).filter(n -> caller.subject().equals(n.recipientSubject())
                        || (n.recipientRole() != null && caller.has(n.recipientRole())))
                .map(NotificationView::of);
    }
}
