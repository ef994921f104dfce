package org.backcare.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.backcare.notification.testsupport.Awaiting;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end: an event from Kafka is routed, queued, signed and POSTed to a real HTTP receiver (WireMock),
 * retried with growing pauses while it fails, and the endpoint disabled and re-enabled.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/hook";

    private WireMockServer receiver;
    private Users integrator;
    private String endpointId;

    @BeforeEach
    void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        integrator = Users.integrator();
    }

    @AfterEach
    void stopReceiver() {
        // Endpoints of finished tests would otherwise keep failing against a stopped receiver.
        if (endpointId != null) {
            given().auth().oauth2(integrator.token()).delete("/webhooks/" + endpointId);
        }
        receiver.stop();
    }

    @Test
    void aDeliveryArrivesSignedSoTheReceiverCanVerifyIt() throws Exception {
        answer(200);
        JsonPath created = register(Map.of("url", url(), "kinds", List.of("worsening-trend")));
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        PatientEvents.TestPatient patient = PatientEvents.registered(Users.physician());

        UUID eventId = worseningTrend(patient.id());

        LoggedRequest request = awaitRequestFor(eventId, 1).get(0);
        String body = request.getBodyAsString();
        String signature = request.getHeader("X-BackCare-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = signature.substring(2, signature.indexOf(','));
        String v1 = signature.substring(signature.indexOf("v1=") + 3);
        // What a receiver does: recompute the HMAC over "<t>.<raw body>" with its secret and compare.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(v1);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).isLessThan(60);
        assertThat(WebhookSignature.verify(secret, signature, body, Instant.now(), Duration.ofMinutes(5))).isTrue();

        JsonNode payload = JSON.readTree(body);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("X-BackCare-Event")).isEqualTo("WorseningTrend");
        assertThat(request.getHeader("X-BackCare-Delivery")).isEqualTo(payload.get("deliveryId").asText());
        assertThat(payload.get("eventId").asText()).isEqualTo(eventId.toString());
        assertThat(payload.get("eventType").asText()).isEqualTo("WorseningTrend");
        assertThat(payload.get("patientId").asText()).isEqualTo(patient.id().toString());
        assertThat(payload.get("occurredAt").asText()).isNotBlank();
        assertThat(payload.get("kinds")).hasSize(1);
        assertThat(payload.get("kinds").get(0).asText()).isEqualTo("worsening-trend");
        assertThat(payload.get("priority").asText()).isEqualTo("high");
        assertThat(payload.get("summary").asText()).contains("worsening-trend");
        // Minimal PHI: neither the patient's name nor the clinical message leaves the system.
        assertThat(body).doesNotContain("Anna").doesNotContain("Berg").doesNotContain("Pain rose");

        JsonPath delivery = awaitDelivery(eventId, d -> d.getString("status").equals("delivered"));
        assertThat(delivery.getString("id")).isEqualTo(payload.get("deliveryId").asText());
        assertThat(delivery.getInt("attemptCount")).isEqualTo(1);
        assertThat(delivery.getInt("attempts[0].httpStatus")).isEqualTo(200);
        assertThat(delivery.getString("attempts[0].error")).isNull();
        assertThat(delivery.getString("deliveredAt")).isNotNull();
        given().auth().oauth2(integrator.token()).queryParam("status", "delivered")
                .get("/webhooks/" + endpointId + "/deliveries").then().statusCode(200)
                .body("items.eventId", org.hamcrest.Matchers.hasItem(eventId.toString()));
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingPauses() {
        answer(500);
        register(Map.of("url", url(), "kinds", List.of("worsening-trend")));
        PatientEvents.TestPatient patient = PatientEvents.registered(Users.physician());

        UUID eventId = worseningTrend(patient.id());

        JsonPath delivery = awaitDelivery(eventId, d -> d.getInt("attemptCount") >= 4);
        assertThat(delivery.getString("status")).isEqualTo("pending");
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertThat(delivery.getInt("attempts[" + i + "].number")).isEqualTo(i + 1);
            assertThat(delivery.getInt("attempts[" + i + "].httpStatus")).isEqualTo(500);
            assertThat(delivery.getLong("attempts[" + i + "].durationMs")).isNotNegative();
            times.add(Instant.parse(delivery.getString("attempts[" + i + "].attemptedAt")));
        }
        // Test backoff: 200ms doubling (400ms, 800ms), capped at 1s, shortened by up to 10% jitter. Each pause is at
        // least its backoff; only lower bounds are asserted, since a busy machine can delay any attempt further.
        assertThat(Duration.between(times.get(0), times.get(1)).toMillis()).isGreaterThanOrEqualTo(180);
        assertThat(Duration.between(times.get(1), times.get(2)).toMillis()).isGreaterThanOrEqualTo(360);
        assertThat(Duration.between(times.get(2), times.get(3)).toMillis()).isGreaterThanOrEqualTo(720);
        assertThat(requestsFor(eventId)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndItsDeliveryWaitsUntilReEnabled() throws Exception {
        answer(500);
        register(Map.of("url", url(), "kinds", List.of("worsening-trend")));
        PatientEvents.TestPatient patient = PatientEvents.registered(Users.physician());

        UUID eventId = worseningTrend(patient.id());

        Awaiting.until(() -> !endpoint().getBoolean("enabled"), Duration.ofSeconds(30), "endpoint disabled");
        JsonPath disabled = endpoint();
        assertThat(disabled.getString("disabledReason")).contains("4 failed attempts in a row").contains("HTTP 500");
        assertThat(disabled.getString("disabledAt")).isNotNull();

        Users admin = Users.admin();
        for (Users reader : List.of(admin, integrator)) {
            List<Map<String, Object>> notices = given().auth().oauth2(reader.token())
                    .queryParam("kind", "webhook-disabled").queryParam("size", 100)
                    .get("/notifications").then().statusCode(200).extract().path("items");
            assertThat(notices).as("webhook-disabled notices of " + reader.role())
                    .anySatisfy(n -> {
                        assertThat((String) n.get("message")).contains(endpointId);
                        assertThat(n.get("priority")).isEqualTo("high");
                    });
        }

        // Disabled: the delivery waits, well past its backoff, instead of being attempted or failed.
        int attemptsWhenDisabled = delivery(eventId).getInt("attemptCount");
        Thread.sleep(1500);
        JsonPath waiting = delivery(eventId);
        assertThat(waiting.getString("status")).isEqualTo("pending");
        assertThat(waiting.getInt("attemptCount")).isEqualTo(attemptsWhenDisabled);

        receiver.resetAll();
        answer(200);
        given().auth().oauth2(integrator.token()).post("/webhooks/" + endpointId + "/enable").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(true))
                .body("consecutiveFailures", org.hamcrest.Matchers.equalTo(0))
                .body("disabledReason", org.hamcrest.Matchers.nullValue());

        JsonPath delivered = awaitDelivery(eventId, d -> d.getString("status").equals("delivered"));
        int last = delivered.getInt("attemptCount") - 1;
        assertThat(delivered.getInt("attemptCount")).isEqualTo(attemptsWhenDisabled + 1);
        assertThat(delivered.getInt("attempts[" + last + "].httpStatus")).isEqualTo(200);
        assertThat(requestsFor(eventId)).hasSize(1);
    }

    @Test
    void aReplayedEventIsDeliveredOnce() throws Exception {
        answer(200);
        register(Map.of("url", url(), "kinds", List.of("worsening-trend")));
        PatientEvents.TestPatient patient = PatientEvents.registered(Users.physician());
        UUID eventId = UUID.randomUUID();
        ObjectNode event = PatientEvents.envelope(eventId, "WorseningTrend", patient.id(), trendData());

        PatientEvents.sendTo("tracking-events", event);
        PatientEvents.sendTo("tracking-events", event);
        // Same key, same partition: once this later event is handled, so is the replay before it.
        UUID marker = UUID.randomUUID();
        PatientEvents.sendTo("tracking-events", PatientEvents.envelope(marker, "CheckInRecorded", patient.id(),
                JSON.createObjectNode().put("day", LocalDate.now().toString())));
        Awaiting.handled(marker);

        awaitDelivery(eventId, d -> d.getString("status").equals("delivered"));
        Thread.sleep(1000);
        List<Map<String, Object>> log = given().auth().oauth2(integrator.token())
                .get("/webhooks/" + endpointId + "/deliveries").then().statusCode(200).extract().path("items");
        assertThat(log).filteredOn(d -> d.get("eventId").equals(eventId.toString())).hasSize(1);
        assertThat(requestsFor(eventId)).hasSize(1);
    }

    @Test
    void aNoteMentionNeverReachesAWebhookEvenOneSubscribedToEverything() {
        answer(200);
        register(Map.of("url", url()));
        Users physician = Users.physician();
        PatientEvents.TestPatient patient = PatientEvents.registered(physician);
        UUID eventId = UUID.randomUUID();
        ObjectNode data = JSON.createObjectNode().put("noteId", UUID.randomUUID().toString()).put("version", 1)
                .put("kind", "handover").put("authorSubject", physician.subject()).put("authorDiscipline", "physician");
        data.putArray("mentionedSubjects").add(physician.subject());
        PatientEvents.sendTo("plan-events", PatientEvents.envelope(eventId, "NoteMentioned", patient.id(), data));
        Awaiting.handled(eventId);
        // Queued in the transaction that handled the event: had it been wanted, it would be in the log by now.
        assertThat(delivery(eventId)).isNull();
        UUID trend = worseningTrend(patient.id());
        assertThat(awaitDelivery(trend, d -> d.getString("status").equals("delivered"))).isNotNull();
        assertThat(delivery(eventId)).isNull();
        assertThat(requestsFor(eventId)).isEmpty();
    }

    // --- helpers ---

    private void answer(int status) {
        receiver.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)));
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.port() + PATH;
    }

    private JsonPath register(Map<String, ?> body) {
        JsonPath created = given().auth().oauth2(integrator.token()).contentType(ContentType.JSON).body(body)
                .post("/webhooks").then().statusCode(201).extract().jsonPath();
        endpointId = created.getString("id");
        return created;
    }

    private JsonPath endpoint() {
        return given().auth().oauth2(integrator.token()).get("/webhooks/" + endpointId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static ObjectNode trendData() {
        ObjectNode data = JSON.createObjectNode().put("alert", "worsening-trend").put("priority", "high")
                .put("message", "Pain rose by 3 points over two weeks.").put("raisedAt", Instant.now().toString());
        data.putObject("details");
        return data;
    }

    /** Publishes a WorseningTrend for the patient on tracking-events and waits until it was handled. */
    private static UUID worseningTrend(UUID patientId) {
        UUID eventId = UUID.randomUUID();
        PatientEvents.sendTo("tracking-events", PatientEvents.envelope(eventId, "WorseningTrend", patientId, trendData()));
        Awaiting.handled(eventId);
        return eventId;
    }

    /** This endpoint's delivery of the event, from the delivery log; null while there is none. */
    private JsonPath delivery(UUID eventId) {
        JsonPath log = given().auth().oauth2(integrator.token()).queryParam("size", 100)
                .get("/webhooks/" + endpointId + "/deliveries").then().statusCode(200).extract().jsonPath();
        List<String> events = log.getList("items.eventId");
        int index = events.indexOf(eventId.toString());
        return index < 0 ? null : new JsonPath(toJson(log.getMap("items[" + index + "]")));
    }

    private JsonPath awaitDelivery(UUID eventId, java.util.function.Predicate<JsonPath> condition) {
        JsonPath[] found = new JsonPath[1];
        Awaiting.until(() -> {
            found[0] = delivery(eventId);
            return found[0] != null && condition.test(found[0]);
        }, Duration.ofSeconds(30), "delivery of " + eventId);
        return found[0];
    }

    private List<LoggedRequest> requestsFor(UUID eventId) {
        return receiver.findAll(postRequestedFor(urlEqualTo(PATH))).stream()
                .filter(r -> r.getBodyAsString().contains(eventId.toString())).toList();
    }

    private List<LoggedRequest> awaitRequestFor(UUID eventId, int count) {
        Awaiting.until(() -> requestsFor(eventId).size() >= count, Duration.ofSeconds(30),
                count + " request(s) for event " + eventId);
        return requestsFor(eventId);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
