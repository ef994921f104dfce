package org.backcare.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The consumer side of the envelope every BackCare event travels in (deploy/asyncapi.yaml). Unknown fields are
 * ignored so producers can add optional ones; {@code version} is checked per event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String source, UUID patientId,
                            JsonNode data) {

    /** The schema version of data this service reads, for every event type it uses. */
    public static final int SUPPORTED_VERSION = 1;
}
