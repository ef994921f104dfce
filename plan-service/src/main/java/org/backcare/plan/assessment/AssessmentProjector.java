package org.backcare.plan.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.events.ProcessedEvent;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Keeps the patients' completed assessments in step with tracking-events (deploy/asyncapi.yaml, version 1):
 * InstrumentCompleted (STarT Back, PHQ-9, GAD-7, PCS, TSK-11, PSEQ) and QuestionnaireCompleted (the ODI). Every other
 * type is ignored. Idempotent by event id (processed_event, same transaction); an unreadable or unsupported event is
 * logged and skipped, any other failure propagates so that {@link TrackingEventsConsumer} retries it.
 */
@ApplicationScoped
public class AssessmentProjector {

    private static final Logger LOG = Logger.getLogger(AssessmentProjector.class);
    static final String TOPIC = "tracking-events";
    static final int SUPPORTED_VERSION = 1;

    private final ObjectMapper json;
    private final Clock clock;

    public AssessmentProjector(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Applies one message in its own transaction. */
    @Transactional
    public void onMessage(String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            LOG.errorf("tracking-events: skipping an unreadable message: %s", e.getOriginalMessage());
            return;
        }
        String type = event.path("type").asText("");
        if (!type.equals("InstrumentCompleted") && !type.equals("QuestionnaireCompleted")) {
            return;
        }
        UUID eventId = uuid(event.path("id"));
        UUID patientId = uuid(event.path("patientId"));
        if (eventId == null || patientId == null) {
            LOG.errorf("tracking-events: skipping a %s without a readable id or patientId", type);
            return;
        }
        if (ProcessedEvent.seen(eventId)) {
            return;
        }
        if (event.path("version").asInt() != SUPPORTED_VERSION) {
            LOG.errorf("tracking-events: event %s has schema version %s, this service reads %d; skipped", eventId,
                    event.path("version"), SUPPORTED_VERSION);
            return;
        }
        try {
            record(type, patientId, event);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.errorf("tracking-events: skipping event %s (%s) with unreadable data: %s", eventId, type, e.getMessage());
        }
        ProcessedEvent.record(eventId, TOPIC, type, Instant.now(clock));
    }

    private void record(String type, UUID patientId, JsonNode event) {
        JsonNode data = event.path("data");
        UUID questionnaireId = uuid(data.path("questionnaireId"));
        if (questionnaireId == null) {
            throw new IllegalArgumentException("no questionnaireId");
        }
        String instrument;
        LocalDate day;
        if (type.equals("InstrumentCompleted")) {
            instrument = Instrument.fromCode(data.path("instrument").asText()).code();
            day = LocalDate.parse(data.path("day").asText());
        } else {
            instrument = Instrument.fromCode(data.path("kind").asText()).code();
            // QuestionnaireCompleted carries no day: it is the day it was recorded, in the clinic's time zone.
            day = Instant.parse(event.path("occurredAt").asText()).atZone(clock.getZone()).toLocalDate();
        }
        CompletedAssessment existing = CompletedAssessment.findById(questionnaireId);
        CompletedAssessment a = existing != null ? existing : new CompletedAssessment();
        a.questionnaireId = questionnaireId;
        a.patientId = patientId;
        a.instrument = instrument;
        a.day = day;
        a.band = data.hasNonNull("band") ? data.get("band").asText() : null;
        a.recordedAt = Instant.now(clock);
        if (existing == null) {
            a.persist();
        }
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
