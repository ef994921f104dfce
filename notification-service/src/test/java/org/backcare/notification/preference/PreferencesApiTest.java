package org.backcare.notification.preference;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.notification.testsupport.Api;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.backcare.notification.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PreferencesApiTest {

    @Test
    void withoutSavedPreferencesTheDefaultsApplyAndThereIsNoETagYet() {
        as(Users.physician()).get("/preferences/me").then().statusCode(200)
                .header("ETag", nullValue())
                .body("channels.inApp", equalTo(true)).body("channels.email", equalTo(true))
                .body("email", nullValue()).body("quietHours", nullValue())
                .body("timeZone", nullValue()).body("checkInReminderTime", nullValue());
    }

    @Test
    void saveReadAndChangeWithIfMatch() {
        Users patient = Users.patient();
        Map<String, Object> body = Api.preferences(true);
        body.put("email", "anna.berg@example.org");
        body.put("quietHours", Map.of("start", "22:00", "end", "07:00"));
        body.put("timeZone", "Europe/Stockholm");
        body.put("checkInReminderTime", "19:30");
        as(patient).body(body).put("/preferences/me").then().statusCode(201).header("ETag", equalTo("\"0\""));
        as(patient).get("/preferences/me").then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("channels.email", equalTo(true)).body("email", equalTo("anna.berg@example.org"))
                .body("quietHours.start", equalTo("22:00")).body("quietHours.end", equalTo("07:00"))
                .body("timeZone", equalTo("Europe/Stockholm")).body("checkInReminderTime", equalTo("19:30"));

        body.put("channels", Map.of("inApp", true, "email", false));
        body.put("quietHours", null);
        as(patient).body(body).put("/preferences/me").then().statusCode(428)
                .contentType("application/problem+json").body("detail", containsString("If-Match"));
        as(patient).header("If-Match", "\"0\"").body(body).put("/preferences/me").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("channels.email", equalTo(false)).body("quietHours", nullValue());
        as(patient).header("If-Match", "\"0\"").body(body).put("/preferences/me").then().statusCode(412)
                .contentType("application/problem+json");
        as(patient).get("/preferences/me").then().header("ETag", equalTo("\"1\"")).body("channels.email", equalTo(false));
    }

    @Test
    void eachUserHasTheirOwn() {
        Users one = Users.physician();
        Users other = Users.physician();
        Api.savePreferences(one, Api.preferences(false));
        as(other).get("/preferences/me").then().statusCode(200).body("channels.email", equalTo(true))
                .header("ETag", nullValue());
    }

    @Test
    void theFirstSaveWithAnIfMatchHasNothingToMatch() {
        as(Users.patient()).header("If-Match", "\"0\"").body(Api.preferences(true)).put("/preferences/me").then()
                .statusCode(412);
    }

    @Test
    void invalidPreferencesAreRefusedWithTheFieldAndNothingIsStored() {
        Users user = Users.psychologist();
        Map<String, Map.Entry<String, Object>> cases = Map.of(
                "channels.inApp", Map.entry("channels", Map.of("inApp", false, "email", true)),
                "email", Map.entry("email", "not-an-address"),
                "quietHours.start", Map.entry("quietHours", Map.of("start", "25:00", "end", "07:00")),
                "quietHours.end", Map.entry("quietHours", Map.of("start", "07:00", "end", "07:00")),
                "timeZone", Map.entry("timeZone", "Mars/Olympus_Mons"),
                "checkInReminderTime", Map.entry("checkInReminderTime", "7pm"));
        cases.forEach((field, change) -> {
            Map<String, Object> body = Api.preferences(true);
            body.put(change.getKey(), change.getValue());
            as(user).body(body).put("/preferences/me").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(field));
        });
        Map<String, Object> unknown = Api.preferences(true);
        unknown.put("sms", true);
        as(user).body(unknown).put("/preferences/me").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("sms"));
        as(user).body("{\"channels\": ").put("/preferences/me").then().statusCode(400)
                .contentType("application/problem+json");
        as(user).get("/preferences/me").then().statusCode(200).header("ETag", nullValue());
    }

    @Test
    void onlyForSignedInUsers() {
        given().get("/preferences/me").then().statusCode(401);
    }
}
