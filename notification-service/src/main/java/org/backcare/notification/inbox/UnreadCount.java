package org.backcare.notification.inbox;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The numbers behind an inbox badge. */
@Schema(name = "UnreadCount")
public record UnreadCount(@Schema(example = "3") long unread,
                          @Schema(example = "1", description = "Urgent alerts in my inbox nobody has acknowledged yet")
                          long awaitingAcknowledgement) {
}
