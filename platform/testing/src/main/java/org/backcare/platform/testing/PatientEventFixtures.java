package org.backcare.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes events the way the services do (deploy/asyncapi.yaml, version 1), so a consuming service's tests drive
 * its projections through its real Kafka consumer: the consumer side of the contract. A service's PatientEvents
 * extends this with how it waits until a registered patient is projected.
 */
public class PatientEventFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected PatientEventFixtures() {
    }

    /** The data of a PatientRegistered/PatientUpdated snapshot as patient-service publishes it. */
    public static ObjectNode snapshot(Users patient, List<String> comorbidities, String painType, List<Users> team) {
        ObjectNode data = JSON.createObjectNode();
        data.put("givenName", "Anna").put("familyName", "Berg").put("birthDate", "1978-04-02").put("sex", "female")
                .put("email", patient == null ? null : patient.email()).put("preferredLanguage", "sv")
                .put("oidcSubject", patient == null ? null : patient.subject())
                .put("painOnsetDate", "2025-09-01").put("painType", painType)
                .put("status", "active").put("urgentReview", false);
        ArrayNode codes = data.putArray("comorbidities");
        comorbidities.forEach(codes::add);
        data.set("careTeam", team(team));
        return data;
    }

    public static ArrayNode team(List<Users> team) {
        ArrayNode members = JSON.createArrayNode();
        for (Users member : team) {
            members.addObject().put("subject", member.subject()).put("role", member.role())
                    .put("displayName", member.name()).put("email", member.email())
                    .put("addedAt", Instant.now().toString());
        }
        return members;
    }

    /** An envelope from patient-service; set {@code source} for another service's event. */
    public static ObjectNode envelope(UUID eventId, String type, UUID patientId, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("id", eventId.toString()).put("type", type).put("version", 1)
                .put("occurredAt", Instant.now().toString()).put("source", "patient-service")
                .put("patientId", patientId.toString());
        envelope.set("data", data);
        return envelope;
    }

    /** Sends one record to patient-events, keyed by patient id, and waits for the broker's acknowledgement. */
    public static void send(ObjectNode envelope) {
        sendTo("patient-events", envelope);
    }

    /** Sends one envelope to a topic, keyed by its patient id. */
    public static void sendTo(String topic, ObjectNode envelope) {
        send(topic, envelope.get("patientId").asText(), envelope.toString());
    }

    /** Sends any text to patient-events: a consumer must survive what it cannot read. */
    public static void sendRaw(String key, String value) {
        send("patient-events", key, value);
    }

    public static void send(String topic, String key, String value) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
