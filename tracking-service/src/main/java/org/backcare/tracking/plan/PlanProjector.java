package org.backcare.tracking.plan;

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
import java.util.UUID;

/**
 * Keeps the projection of each patient's active plan in step with plan-events (deploy/asyncapi.yaml, version 1):
 * what is prescribed is what adherence is measured against. Idempotent by event id.
 */
@ApplicationScoped
public class PlanProjector {

    private static final Logger LOG = Logger.getLogger(PlanProjector.class);
    static final int SUPPORTED_VERSION = 1;

    private final ObjectMapper json;
    private final Clock clock;

    public PlanProjector(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Applies one message in its own transaction; {@link PlanEventsConsumer} retries a failure. */
    @Transactional
    public void onMessage(String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            LOG.errorf("plan-events: skipping an unreadable message: %s", e.getOriginalMessage());
            return;
        }
        apply(event);
    }

    @Transactional
    public boolean apply(JsonNode event) {
        String id = event.path("id").asText(null);
        String type = event.path("type").asText(null);
        String patient = event.path("patientId").asText(null);
        if (id == null || type == null || patient == null) {
            LOG.errorf("plan-events: skipping an event without id, type or patientId");
            return false;
        }
        UUID eventId;
        UUID patientId;
        try {
            eventId = UUID.fromString(id);
            patientId = UUID.fromString(patient);
        } catch (IllegalArgumentException e) {
            LOG.errorf("plan-events: skipping an event with malformed ids: %s", id);
            return false;
        }
        if (ProcessedEvent.seen(eventId)) {
            return false;
        }
        if (event.path("version").asInt() != SUPPORTED_VERSION) {
            LOG.errorf("plan-events: event %s has schema version %s, this service reads %d; skipped", eventId,
                    event.path("version"), SUPPORTED_VERSION);
            return false;
        }
        JsonNode data = event.path("data");
        switch (type) {
            case "PlanCreated", "PlanActivated", "PlanRevised" -> project(patientId, data.path("plan"));
            case "PlanStatusChanged" -> {
                if (!"active".equals(data.path("to").asText())) {
                    ActivePlan current = ActivePlan.findById(patientId);
                    if (current != null && current.planId.toString().equals(data.path("planId").asText())) {
                        current.delete();
                    }
                }
            }
            default -> LOG.debugf("plan-events: %s is not used here", type);
        }
        ProcessedEvent.record(eventId, "plan-events", type, Instant.now(clock));
        return true;
    }

    private void project(UUID patientId, JsonNode plan) {
        if (!"active".equals(plan.path("status").asText())) {
            return;
        }
        ActivePlan active = ActivePlan.findById(patientId);
        boolean isNew = active == null;
        if (isNew) {
            active = new ActivePlan();
            active.patientId = patientId;
        }
        active.planId = UUID.fromString(plan.path("id").asText());
        String start = plan.path("startDate").asText(null);
        active.startDate = start == null || start.isBlank() ? null : LocalDate.parse(start);
        JsonNode sections = plan.path("sections");
        active.exercises = content(sections, "exercises");
        active.medications = content(sections, "medications");
        active.selfManagement = content(sections, "self-management");
        active.updatedAt = Instant.now(clock);
        if (isNew) {
            active.persist();
        }
    }

    private static String content(JsonNode sections, String kind) {
        JsonNode content = sections.path(kind).path("content");
        return content.isObject() ? content.toString() : "{}";
    }
}
