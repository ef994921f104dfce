package org.backcare.notification.plan;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.notification.routing.IncomingEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keeps each patient's latest plan (owner, flare-up steps) in step with plan-events. */
@ApplicationScoped
public class PlanProjector {

    private final Clock clock;

    public PlanProjector(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case "PlanCreated", "PlanActivated", "PlanRevised" -> {
                JsonNode plan = event.data() == null ? null : event.data().get("plan");
                if (plan == null || !plan.hasNonNull("id")) {
                    throw new IllegalArgumentException(event.type() + " without data.plan.id");
                }
                PlanProjection p = projection(event.patientId(), UUID.fromString(plan.get("id").asText()));
                p.status = plan.path("status").asText("draft");
                p.ownerSubject = plan.hasNonNull("ownerSubject") ? plan.get("ownerSubject").asText() : p.ownerSubject;
                p.flareUpSteps = flareUpSteps(plan);
            }
            case "PlanStatusChanged" -> {
                PlanProjection p = PlanProjection.findById(event.patientId());
                if (p != null && p.planId.toString().equals(event.text("planId"))) {
                    p.status = event.text("to");
                    p.updatedAt = Instant.now(clock);
                }
            }
            default -> {
                // Medication events and review reminders are routed, not projected.
            }
        }
    }

    private PlanProjection projection(UUID patientId, UUID planId) {
        PlanProjection existing = PlanProjection.findById(patientId);
        PlanProjection p = existing != null ? existing : new PlanProjection();
        p.patientId = patientId;
        p.planId = planId;
        p.updatedAt = Instant.now(clock);
        if (existing == null) {
            p.status = "draft";
            p.persist();
        }
        return p;
    }

    /** "Relative rest: reduce load for 1-2 days but keep moving gently (contact: ...)" per step. */
    static List<String> flareUpSteps(JsonNode plan) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : plan.path("sections").path("flare-up").path("content").path("steps")) {
            String instruction = step.path("instruction").asText("").strip();
            if (instruction.isEmpty()) {
                continue;
            }
            String contact = step.path("contact").asText("").strip();
            steps.add(instruction + (contact.isEmpty() ? "" : " (contact: " + contact + ")"));
        }
        return steps;
    }
}
