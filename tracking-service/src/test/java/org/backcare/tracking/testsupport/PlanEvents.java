package org.backcare.tracking.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.UUID;

/** Publishes plan-events the way plan-service does (deploy/asyncapi.yaml, PlanActivated version 1). */
public final class PlanEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanEvents() {
    }

    /**
     * An active plan with one daily exercise (bird-dog, 7 sessions a week) and, if {@code naproxenDailyDose} is not
     * null, naproxen twice a day at half that dose each.
     */
    public static UUID activated(UUID patientId, LocalDate start, Integer naproxenDailyDose) {
        UUID planId = UUID.randomUUID();
        ObjectNode plan = JSON.createObjectNode();
        plan.put("id", planId.toString()).put("patientId", patientId.toString()).put("status", "active")
                .put("startDate", start.toString()).put("reviewDate", start.plusWeeks(4).toString());
        ObjectNode sections = plan.putObject("sections");
        ArrayNode exercises = sections.putObject("exercises").putObject("content").putArray("exercises");
        exercises.addObject().put("exercise", "bird-dog").putObject("dose").put("sets", 2).put("reps", 8)
                .put("sessionsPerWeek", 7);
        ArrayNode medications = sections.putObject("medications").putObject("content").putArray("medications");
        if (naproxenDailyDose != null) {
            medications.addObject().put("id", UUID.randomUUID().toString()).put("drug", "naproxen")
                    .put("dose", naproxenDailyDose / 2).put("unit", "mg").put("timesPerDay", 2).put("asNeeded", false)
                    .put("startDate", start.toString()).put("drugClass", "nsaid").put("dailyDose", naproxenDailyDose)
                    .put("maxDailyDose", 1500);
        }
        sections.putObject("self-management").putObject("content").putArray("pacing");
        ObjectNode data = JSON.createObjectNode();
        data.put("planId", planId.toString()).put("revision", 2).put("changed", "plan")
                .put("summary", "status draft -> active").put("changedBy", "someone");
        data.set("plan", plan);
        ObjectNode envelope = PatientEvents.envelope(UUID.randomUUID(), "PlanActivated", patientId, data);
        envelope.put("source", "plan-service");
        PatientEvents.sendTo("plan-events", envelope);
        return planId;
    }
}
