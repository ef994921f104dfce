package org.backcare.notification.access;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.notification.testsupport.Events;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.notification.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.notification.testsupport.Api.as;
import static org.backcare.notification.testsupport.Api.awaitInbox;
import static org.backcare.notification.testsupport.Api.preferences;

/**
 * Every endpoint, called by every role, on someone else's data: what each may do. Inbox and preferences are
 * everyone's own (another user's items are 404); alerts are visible to the people they reached and to admins;
 * webhooks belong to integrators (another integrator's are 404) and admins; nobody else may touch them (403).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final List<String> ROLES = List.of("patient", "physician", "physical-therapist", "psychologist",
            "admin", "integrator");

    /** Ids owned by somebody other than the caller, created once. */
    private String othersNotification;
    private String othersAlert;
    private String othersWebhook;

    /** Created on first use: rest-assured only knows the test port once a test method runs. */
    private synchronized void someoneElsesData() {
        if (othersNotification != null) {
            return;
        }
        Users doc = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        Events.redFlagRaised(p.id(), doc.subject());
        Map<String, Object> n = awaitInbox(doc, p.id(), "red-flag", 1).get(0);
        othersNotification = (String) n.get("id");
        othersAlert = (String) ((Map<?, ?>) n.get("alert")).get("id");
        othersWebhook = as(Users.integrator()).body(Map.of("url", "https://ehr.example.org/hooks/backcare"))
                .post("/webhooks").then().statusCode(201).extract().path("id");
    }

    private record Cell(String endpoint, Function<Users, Integer> call, Map<String, Integer> expected) {
    }

    private List<Cell> cells() {
        Map<String, Integer> everyone200 = all(200);
        Map<String, Integer> webhookRoles = Map.of("patient", 403, "physician", 403, "physical-therapist", 403,
                "psychologist", 403, "admin", 200, "integrator", 200);
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell("GET /notifications", u -> as(u).get("/notifications").statusCode(), everyone200));
        cells.add(new Cell("GET /notifications/unread-count", u -> as(u).get("/notifications/unread-count").statusCode(), everyone200));
        cells.add(new Cell("GET /notifications/kinds", u -> as(u).get("/notifications/kinds").statusCode(), everyone200));
        cells.add(new Cell("POST /notifications/read-all", u -> as(u).post("/notifications/read-all").statusCode(), everyone200));
        cells.add(new Cell("GET /notifications/{others}", u -> as(u).get("/notifications/" + othersNotification).statusCode(), all(404)));
        cells.add(new Cell("POST /notifications/{others}/read", u -> as(u).post("/notifications/" + othersNotification + "/read").statusCode(), all(404)));
        cells.add(new Cell("POST /notifications/{others}/acknowledgement", u -> as(u).post("/notifications/" + othersNotification + "/acknowledgement").statusCode(), all(404)));
        cells.add(new Cell("GET /alerts/{others}", u -> as(u).get("/alerts/" + othersAlert).statusCode(),
                Map.of("patient", 404, "physician", 404, "physical-therapist", 404, "psychologist", 404, "admin", 200, "integrator", 404)));
        cells.add(new Cell("GET /preferences/me", u -> as(u).get("/preferences/me").statusCode(), everyone200));
        cells.add(new Cell("PUT /preferences/me", u -> as(u).body(preferences(false)).put("/preferences/me").statusCode(), all(201)));
        cells.add(new Cell("GET /webhooks", u -> as(u).get("/webhooks").statusCode(), webhookRoles));
        cells.add(new Cell("POST /webhooks", u -> as(u).body(Map.of("url", "https://ehr.example.org/h")).post("/webhooks").statusCode(),
                Map.of("patient", 403, "physician", 403, "physical-therapist", 403, "psychologist", 403, "admin", 201, "integrator", 201)));
        cells.add(new Cell("GET /webhooks/{others}", u -> as(u).get("/webhooks/" + othersWebhook).statusCode(),
                Map.of("patient", 403, "physician", 403, "physical-therapist", 403, "psychologist", 403, "admin", 200, "integrator", 404)));
        cells.add(new Cell("GET /webhooks/{others}/deliveries", u -> as(u).get("/webhooks/" + othersWebhook + "/deliveries").statusCode(),
                Map.of("patient", 403, "physician", 403, "physical-therapist", 403, "psychologist", 403, "admin", 200, "integrator", 404)));
        cells.add(new Cell("POST /webhooks/{others}/enable", u -> as(u).post("/webhooks/" + othersWebhook + "/enable").statusCode(),
                Map.of("patient", 403, "physician", 403, "physical-therapist", 403, "psychologist", 403, "admin", 200, "integrator", 404)));
        cells.add(new Cell("DELETE /webhooks/{others}", u -> as(u).delete("/webhooks/" + othersWebhook).statusCode(),
                Map.of("patient", 403, "physician", 403, "physical-therapist", 403, "psychologist", 403, "integrator", 404)));
        return cells;
    }

    Stream<Arguments> matrix() {
        return cells().stream().flatMap(cell -> ROLES.stream().filter(cell.expected()::containsKey)
                .map(role -> Arguments.of(cell.endpoint(), role, cell)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachRoleGetsWhatItMay(String endpoint, String role, Cell cell) {
        someoneElsesData();
        // A fresh user per cell: own preferences are first saved (201), and nobody's inbox is shared by accident.
        assertThat(cell.call().apply(Users.of(role))).as(endpoint + " as " + role).isEqualTo(cell.expected().get(role));
    }

    private static Map<String, Integer> all(int status) {
        return Map.of("patient", status, "physician", status, "physical-therapist", status, "psychologist", status,
                "admin", status, "integrator", status);
    }
}
