package org.backcare.notification.testsupport;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Small helpers around rest-assured for calling this service as one of the {@link Users}. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).accept(ContentType.JSON);
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
