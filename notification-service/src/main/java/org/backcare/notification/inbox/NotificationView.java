package org.backcare.notification.inbox;

import org.backcare.notification.alert.Alert;
import org.backcare.notification.routing.Priority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An inbox item as front ends see it. */
@Schema(name = "Notification")
public record NotificationView(
        UUID id,
        @Schema(example = "red-flag", description = "What it is about; see GET /notifications/kinds") String kind,
        @Schema(example = "urgent") Priority priority,
        @Schema(example = "URGENT red flag: Anna Berg") String title,
        @Schema(example = "Red flag on screening: Recent significant trauma. Anna Berg needs urgent evaluation.")
        String message,
        UUID patientId,
        Instant createdAt,
        boolean read,
        Instant readAt,
        @Schema(description = "For the admins' shared queue: the role it was sent to; null for a personal item",
                example = "admin") String sentToRole,
        @Schema(description = "0 for the first notice; the escalation level that produced this item") int escalationLevel,
        @Schema(description = "Set for urgent alerts, which are escalated until someone acknowledges them")
        AlertState alert) {

    /** The urgent alert this item belongs to. */
    @Schema(name = "AlertState")
    public record AlertState(UUID id, boolean acknowledged, Instant acknowledgedAt, String acknowledgedBy,
                             @Schema(example = "1") int escalationLevel,
                             @Schema(description = "When the alert is escalated next unless acknowledged")
                             Instant nextEscalationAt) {
    }

    /** The view pushed on the live stream, straight from the event (the alert is new, so not acknowledged). */
    static NotificationView of(NotificationCreated n) {
        AlertState state = n.alertId() == null ? null
                : new AlertState(n.alertId(), false, null, null, n.escalationLevel(), null);
        return new NotificationView(n.id(), n.kind(), n.priority(), n.title(), n.message(), n.patientId(), n.createdAt(),
                false, null, n.recipientRole(), n.escalationLevel(), state);
    }

    static NotificationView of(Notification n, Alert alert) {
        AlertState state = alert == null ? null : new AlertState(alert.id, alert.isAcknowledged(), alert.acknowledgedAt,
                alert.acknowledgedBy, alert.escalationLevel, alert.nextEscalationAt);
        return new NotificationView(n.id, n.kind, Priority.fromCode(n.priority), n.title, n.message, n.patientId,
                n.createdAt, n.readAt != null, n.readAt, n.recipientRole, n.escalationLevel, state);
    }
}
