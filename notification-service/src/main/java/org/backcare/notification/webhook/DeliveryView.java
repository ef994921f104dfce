package org.backcare.notification.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of an endpoint's delivery log, with every attempt made. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        UUID id,
        UUID eventId,
        @Schema(example = "RedFlagRaised") String eventType,
        @Schema(example = "pending") DeliveryStatus status,
        @Schema(example = "2", description = "Attempts made so far") int attemptCount,
        @Schema(description = "When the next attempt is due; null once delivered or failed") Instant nextAttemptAt,
        Instant createdAt,
        Instant deliveredAt,
        @Schema(description = "Every attempt, oldest first") List<AttemptView> attempts) {

    /** One attempt: the receiver's HTTP status, or the error when there was no answer. */
    @Schema(name = "WebhookAttempt")
    public record AttemptView(@Schema(example = "1") int number,
                              Instant attemptedAt,
                              @Schema(example = "503") Integer httpStatus,
                              @Schema(example = "timed out after PT10S") String error,
                              @Schema(example = "182") long durationMs) {

        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.number, a.attemptedAt, a.httpStatus, a.error, a.durationMs);
        }
    }

    static DeliveryView of(WebhookDelivery d, List<WebhookAttempt> attempts) {
        return new DeliveryView(d.id, d.eventId, d.eventType, DeliveryStatus.fromCode(d.status), d.attempts,
                d.nextAttemptAt, d.createdAt, d.deliveredAt, attempts.stream().map(AttemptView::of).toList());
    }
}
