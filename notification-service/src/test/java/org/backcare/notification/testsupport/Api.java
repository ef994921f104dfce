package org.backcare.notification.testsupport;

import org.backcare.platform.testing.Users;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers around rest-assured for calling the notification API as one of the {@link Users}. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** The user's notifications about one patient, newest first (at most 100). */
    public static List<Map<String, Object>> inbox(Users user, UUID patientId) {
        JsonPath page = as(user).queryParam("patientId", patientId.toString()).queryParam("size", 100)
                .get("/notifications").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    /** Waits until the user has at least {@code count} notifications of this kind about the patient; returns them. */
    public static List<Map<String, Object>> awaitInbox(Users user, UUID patientId, String kind, int count) {
        Awaiting.until(() -> ofKind(inbox(user, patientId), kind).size() >= count, Duration.ofSeconds(30),
                count + " " + kind + " notification(s) for " + user.role());
        return ofKind(inbox(user, patientId), kind);
    }

    public static List<Map<String, Object>> ofKind(List<Map<String, Object>> items, String kind) {
        return items.stream().filter(n -> kind.equals(n.get("kind"))).toList();
    }

    /** A valid preferences body (e-mail on, no quiet hours, defaults for the rest); a fresh map to change. */
    public static Map<String, Object> preferences(boolean email) {
        Map<String, Object> body = new HashMap<>();
        body.put("channels", Map.of("inApp", true, "email", email));
        body.put("email", null);
        body.put("quietHours", null);
        body.put("timeZone", null);
        body.put("checkInReminderTime", null);
        return body;
    }

    /** Saves a user's preferences for the first time (201). */
    public static void savePreferences(Users user, Map<String, Object> body) {
        as(user).body(body).put("/preferences/me").then().statusCode(201);
    }
}
