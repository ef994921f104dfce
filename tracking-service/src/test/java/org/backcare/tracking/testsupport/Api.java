package org.backcare.tracking.testsupport;

import org.backcare.platform.testing.Users;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers around rest-assured for calling the tracking API as one of the {@link Users}. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A complete, valid check-in body with this pain; a fresh map so a test can change fields. */
    public static Map<String, Object> checkIn(int pain) {
        Map<String, Object> body = new HashMap<>();
        body.put("pain", pain);
        body.put("locations", List.of("lower-back"));
        body.put("painCharacter", List.of("aching"));
        body.put("legSymptoms", false);
        body.put("functionScore", 6);
        body.put("sleepHours", 7);
        body.put("sleepQuality", 6);
        body.put("mood", 6);
        body.put("stress", 4);
        body.put("triggers", List.of("sitting"));
        body.put("relievers", List.of("walking"));
        body.put("redFlags", List.of());
        return body;
    }

    /** Records a new check-in for a day (201). */
    public static void checkIn(Users user, UUID patientId, LocalDate day, Map<String, Object> body) {
        as(user).body(body).put("/patients/{id}/check-ins/{day}", patientId, day.toString()).then().statusCode(201);
    }
}
