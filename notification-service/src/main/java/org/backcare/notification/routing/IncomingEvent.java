package org.backcare.notification.routing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One event from any topic, as routing sees it: the envelope fields and its data. */
public record IncomingEvent(UUID id, String type, UUID patientId, Instant occurredAt, JsonNode data) {

    public String text(String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
