package org.backcare.patient.stratification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.events.ProcessedEvent;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Reads tracking-events (deploy/asyncapi.yaml, version 1) for what the patient record shows: the STarT Back results
 * of InstrumentCompleted. Every other event is passed over without a database write. Idempotent by envelope id: the
 * stratum, the events it causes and the processed-event record commit together.
 */
@ApplicationScoped
public class TrackingEventHandler {

    private static final Logger LOG = Logger.getLogger(TrackingEventHandler.class);
    static final String TOPIC = "tracking-events";
    static final int SUPPORTED_VERSION = 1;

    private final ObjectMapper json;
    private final StratificationService stratification;
    private final Clock clock;

    public TrackingEventHandler(ObjectMapper json, StratificationService stratification, Clock clock) {
        this.json = json;
        this.stratification = stratification;
        this.clock = clock;
    }

    /** A STarT Back result as this service reads it from InstrumentCompleted. */
    record StartBackResult(UUID eventId, UUID patientId, UUID questionnaireId, LocalDate day, String stratum) {
    }

    /** Handles one message in its own transaction; returns whether it changed anything. */
    public boolean onMessage(String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            // A message we cannot read never becomes readable: skip it rather than block the partition.
            LOG.errorf("%s: skipping an unreadable message: %s", TOPIC, e.getOriginalMessage());
            return false;
        }
        if (!"InstrumentCompleted".equals(event.path("type").asText())
                || !"start-back".equals(event.path("data").path("instrument").asText())) {
            return false;
        }
        if (event.path("version").asInt() != SUPPORTED_VERSION) {
            LOG.errorf("%s: event %s has schema version %s, this service reads %d; skipped", TOPIC,
                    event.path("id").asText(), event.path("version"), SUPPORTED_VERSION);
            return false;
        }
        StartBackResult result;
        try {
            JsonNode data = event.path("data");
            result = new StartBackResult(UUID.fromString(event.path("id").asText()),
                    UUID.fromString(event.path("patientId").asText()),
                    UUID.fromString(data.path("questionnaireId").asText()), LocalDate.parse(data.path("day").asText()),
                    stratum(data.path("band").asText()));
        } catch (IllegalArgumentException | DateTimeException e) {
            LOG.errorf("%s: skipping InstrumentCompleted %s with unreadable data: %s", TOPIC, event.path("id").asText(),
                    e.getMessage());
            return false;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(result));
        } catch (RuntimeException e) {
            // Rolled back; EventRetry tries again. Logged, or a stuck partition would be silent.
            LOG.warnf(e, "%s: InstrumentCompleted %s of patient %s failed, to be retried: %s", TOPIC, result.eventId(),
                    result.patientId(), e.getMessage());
            throw e;
        }
    }

    private boolean apply(StartBackResult result) {
        if (ProcessedEvent.seen(result.eventId())) {
            return false;
        }
        boolean stored = stratification.startBackScored(result.patientId(), result.questionnaireId(), result.day(),
                result.stratum());
        ProcessedEvent.record(result.eventId(), TOPIC, "InstrumentCompleted", Instant.now(clock));
        return stored;
    }

    private static String stratum(String band) {
        return switch (band) {
            case "low", "medium", "high" -> band;
            default -> throw new IllegalArgumentException("not a STarT Back stratum: " + band);
        };
    }
}
