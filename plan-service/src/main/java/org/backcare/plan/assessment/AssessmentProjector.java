package org.backcare.plan.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.events.EventEnvelope;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
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
    static final Set<String> TYPES = Set.of("InstrumentCompleted", "QuestionnaireCompleted");

    private final ObjectMapper json;
    private final Clock clock;

    public AssessmentProjector(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Applies one message in its own transaction. */
    @Transactional
    public void onMessage(String payload) {
        EventEnvelope.read(json, TOPIC, payload, TYPES, SUPPORTED_VERSION)
                .ifPresent(event -> event.applyOnce(TOPIC, clock, () -> {
                    try {
                        record(event);
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        // Recorded as applied all the same: data that cannot be read now never becomes readable.
                        LOG.errorf("tracking-events: skipping event %s (%s) with unreadable data: %s", event.id(),
                                event.type(), e.getMessage());
                    }
                }));
    }

    private void record(EventEnvelope event) {
        JsonNode data = event.data();
        UUID questionnaireId = uuid(data.path("questionnaireId"));
        if (questionnaireId == null) {
            throw new IllegalArgumentException("no questionnaireId");
        }
        String instrument;
        LocalDate day;
        if (event.type().equals("InstrumentCompleted")) {
            instrument = Instrument.fromCode(data.path("instrument").asText()).code();
            day = LocalDate.parse(data.path("day").asText());
        } else {
            instrument = Instrument.fromCode(data.path("kind").asText()).code();
            if (event.occurredAt() == null) {
                throw new IllegalArgumentException("no occurredAt");
            }
            // QuestionnaireCompleted carries no day: it is the day it was recorded, in the clinic's time zone.
            day = event.occurredAt().atZone(clock.getZone()).toLocalDate();
        }
        CompletedAssessment existing = CompletedAssessment.findById(questionnaireId);
        CompletedAssessment a = existing != null ? existing : new CompletedAssessment();
        a.questionnaireId = questionnaireId;
        a.patientId = event.patientId();
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
