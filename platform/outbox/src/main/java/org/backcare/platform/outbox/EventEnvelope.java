package org.backcare.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** The versioned JSON document every BackCare event travels in (deploy/asyncapi.yaml, EventEnvelope). */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String source, UUID patientId,
                            Object data) {
}
