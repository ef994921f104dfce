package org.backcare.notification.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** Publishes the events of the other services the way they do (deploy/asyncapi.yaml, version 1). */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** A RedFlagRaised from patient-service; returns the event id. */
    public static UUID redFlagRaised(UUID patientId, String screenedBy) {
        ObjectNode data = JSON.createObjectNode();
        data.put("screeningId", UUID.randomUUID().toString());
        data.putArray("findings").addObject().put("redFlag", "recent-significant-trauma")
                .put("description", "Recent significant trauma");
        data.put("screenedBy", screenedBy).put("screenedAt", Instant.now().toString()).put("priority", "urgent");
        return publish("patient-events", "patient-service", "RedFlagRaised", patientId, data);
    }

    /** An alert from tracking-service's rules (AlertRaised data); returns the event id. */
    public static UUID trackingAlert(String type, String alert, String priority, UUID patientId, String message) {
        ObjectNode data = JSON.createObjectNode();
        data.put("alert", alert).put("priority", priority).put("message", message);
        data.putObject("details");
        data.put("raisedAt", Instant.now().toString());
        return publish("tracking-events", "tracking-service", type, patientId, data);
    }

    /** A SelfHarmRiskReported from tracking-service's questionnaire rules (PHQ-9 item 9 above 0); returns the event id. */
    public static UUID selfHarmRisk(UUID patientId) {
        return publish("tracking-events", "tracking-service", "SelfHarmRiskReported", patientId, selfHarmRiskData());
    }

    /** The data of a SelfHarmRiskReported as tracking-service sends it: AlertRaised with the result's scores. */
    public static ObjectNode selfHarmRiskData() {
        ObjectNode data = JSON.createObjectNode();
        data.put("alert", "self-harm-risk").put("priority", "urgent").put("message",
                "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered 2 of 3 on 2026-12-07 "
                        + "(PHQ-9 total 14, moderate). Assess suicide risk with the patient today.");
        ObjectNode details = data.putObject("details");
        details.put("questionnaireId", UUID.randomUUID().toString()).put("instrument", "phq-9").put("version", "1")
                .put("day", "2026-12-07").put("score", 14).put("band", "moderate");
        details.putArray("flags").add("self-harm");
        details.putArray("audience").add("psychologist").add("physician");
        details.put("item", 9).put("itemAnswer", 2);
        data.put("raisedAt", Instant.now().toString());
        return data;
    }

    public static UUID publish(String topic, String source, String type, UUID patientId, ObjectNode data) {
        return publish(topic, source, type, UUID.randomUUID(), patientId, data);
    }

    public static UUID publish(String topic, String source, String type, UUID eventId, UUID patientId, ObjectNode data) {
        ObjectNode envelope = PatientEvents.envelope(eventId, type, patientId, data);
        envelope.put("source", source);
        PatientEvents.sendTo(topic, envelope);
        return eventId;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
