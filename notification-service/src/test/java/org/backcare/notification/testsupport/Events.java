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
