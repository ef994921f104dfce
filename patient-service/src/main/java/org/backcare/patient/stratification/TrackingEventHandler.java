package org.backcare.patient.stratification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.events.EventEnvelope;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

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
    static final Set<String> TYPES = Set.of("InstrumentCompleted");

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
        Optional<EventEnvelope> read = EventEnvelope.read(json, TOPIC, payload, TYPES, SUPPORTED_VERSION);
        if (read.isEmpty() || !"start-back".equals(read.get().data().path("instrument").asText())) {
            return false;
        }
        EventEnvelope event = read.get();
        StartBackResult result;
        try {
            JsonNode data = event.data();
            result = new StartBackResult(event.id(), event.patientId(),
                    UUID.fromString(data.path("questionnaireId").asText()), LocalDate.parse(data.path("day").asText()),
                    stratum(data.path("band").asText()));
        } catch (IllegalArgumentException | DateTimeException e) {
            LOG.errorf("%s: skipping InstrumentCompleted %s with unreadable data: %s", TOPIC, event.id(),
                    e.getMessage());
            return false;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(event, result));
        } catch (RuntimeException e) {
            // Rolled back; EventRetry tries again. Logged, or a stuck partition would be silent.
            LOG.warnf(e, "%s: InstrumentCompleted %s of patient %s failed, to be retried: %s", TOPIC, result.eventId(),
                    result.patientId(), e.getMessage());
            throw e;
        }
    }

    private boolean apply(EventEnvelope event, StartBackResult result) {
        AtomicBoolean stored = new AtomicBoolean();
        event.applyOnce(TOPIC, clock, () -> stored.set(stratification.startBackScored(result.patientId(),
                result.questionnaireId(), result.day(), result.stratum())));
        return stored.get();
    }

    private static String stratum(String band) {
        return switch (band) {
            case "low", "medium", "high" -> band;
            default -> throw new IllegalArgumentException("not a STarT Back stratum: " + band);
        };
    }
}
