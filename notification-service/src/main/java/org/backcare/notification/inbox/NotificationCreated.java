package org.backcare.notification.inbox;

import org.backcare.notification.routing.Priority;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the transaction that stored it) for every new notification. The e-mail channel
 * queues its message in the same transaction; the live stream pushes it after the commit.
 */
public record NotificationCreated(UUID id, String recipientSubject, String recipientRole, UUID patientId,
                                  String kind, Priority priority, String title, String message, Instant createdAt,
                                  UUID alertId, int escalationLevel) {

    static NotificationCreated of(Notification n) {
        return new NotificationCreated(n.id, n.recipientSubject, n.recipientRole, n.patientId, n.kind,
                Priority.fromCode(n.priority), n.title, n.message, n.createdAt, n.alertId, n.escalationLevel);
    }

    public boolean isUrgent() {
        return priority == Priority.URGENT;
    }
}
