package org.backcare.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.backcare.notification.routing.IncomingEvent;
import org.backcare.notification.routing.Notice;
import org.backcare.notification.routing.Priority;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The body of one delivery. Deliberately minimal: ids, kinds and priority, never names, titles or clinical text,
 * because it leaves the system for a URL we do not control. Integrators fetch details through the APIs, where
 * access is checked per patient.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    /** The JSON body for the notices of this event the endpoint subscribed to (at least one). */
    public static String of(ObjectMapper json, UUID deliveryId, IncomingEvent event, List<Notice> notices) {
        List<String> kinds = notices.stream().map(Notice::kind).distinct().toList();
        Priority priority = notices.stream().map(Notice::priority)
                .min(Comparator.naturalOrder()) // declared most urgent first
                .orElse(Priority.NORMAL);
        ObjectNode body = json.createObjectNode();
        body.put("deliveryId", deliveryId.toString());
        body.put("eventId", event.id().toString());
        body.put("eventType", event.type());
        body.put("patientId", event.patientId() == null ? null : event.patientId().toString());
        body.put("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
        kinds.forEach(body.putArray("kinds")::add);
        body.put("priority", priority.code());
        body.put("summary", summary(event.type(), kinds, priority));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // A tree of strings always serializes.
            throw new IllegalStateException(e);
        }
    }

    /** "RedFlagRaised: red-flag, urgent-care-guidance (urgent)": what happened, without anything about the person. */
    static String summary(String eventType, List<String> kinds, Priority priority) {
        return eventType + ": " + String.join(", ", kinds) + " (" + priority.code() + ")";
    }
}
