package org.backcare.tracking.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.events.EventEnvelope;
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
    static final String TOPIC = "plan-events";
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
        EventEnvelope.read(json, TOPIC, payload, SUPPORTED_VERSION)
                .ifPresent(event -> event.applyOnce(TOPIC, clock, () -> apply(event)));
    }

    private void apply(EventEnvelope event) {
        UUID patientId = event.patientId();
        JsonNode data = event.data();
        switch (event.type()) {
            case "PlanCreated", "PlanActivated", "PlanRevised" -> project(patientId, data.path("plan"));
            case "PlanStatusChanged" -> {
                if (!"active".equals(data.path("to").asText())) {
                    ActivePlan current = ActivePlan.findById(patientId);
                    if (current != null && current.planId.toString().equals(data.path("planId").asText())) {
                        current.delete();
                    }
                }
            }
            default -> LOG.debugf("plan-events: %s is not used here", event.type());
        }
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
