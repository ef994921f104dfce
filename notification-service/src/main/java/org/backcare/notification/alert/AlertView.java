package org.backcare.notification.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An urgent alert with its escalation history. */
@Schema(name = "Alert")
public record AlertView(UUID id, UUID patientId, @Schema(example = "red-flag") String kind,
                        @Schema(example = "URGENT red flag: Anna Berg") String summary, Instant raisedAt,
                        boolean acknowledged, Instant acknowledgedAt, String acknowledgedBy,
                        @Schema(example = "1") int escalationLevel, Instant nextEscalationAt,
                        List<Step> escalations) {

    /** One escalation: when, which level, to whom (subjects, or "role:admin"). */
    @Schema(name = "AlertEscalation")
    public record Step(int level, Instant escalatedAt, List<String> recipients) {
    }

    static AlertView of(Alert a, List<AlertEscalation> escalations) {
        return new AlertView(a.id, a.patientId, a.kind, a.summary, a.raisedAt, a.isAcknowledged(), a.acknowledgedAt,
                a.acknowledgedBy, a.escalationLevel, a.nextEscalationAt,
                escalations.stream().map(e -> new Step(e.level, e.escalatedAt, e.recipients)).toList());
    }
}
