package org.backcare.patient.outbox;

import java.time.Instant;
import java.util.UUID;

/** The versioned JSON document every patient event travels in (deploy/asyncapi.yaml, PatientEventEnvelope). */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String source, UUID patientId,
                            Object data) {
}
