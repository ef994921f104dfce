package org.backcare.notification.problem;

import org.backcare.platform.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.notification.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input to the inbox answers a 4xx problem+json that names what is wrong, and never a 5xx. */
@QuarkusTest
class BadInputTest {

    private final Users user = Users.physician();

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "unread, yes, 'is not true or false'",
            "unread, TRUE1, 'is not true or false'",
            "priority, critical, 'expected one of [urgent, high, normal, low]'",
            "patientId, 123, 'is not a valid UUID'",
            "patientId, 1-2-3-4-5, 'is not a valid UUID'",
            "kind, bogus, 'unknown kind'",
            "page, -1, 'is not a whole number between 0'",
            "page, one, 'is not a whole number between 0'",
            "size, 0, 'is not a whole number between 1 and 100'",
            "size, 101, 'is not a whole number between 1 and 100'",
            "size, 2.5, 'is not a whole number between 1 and 100'",
    })
    void aBadFilterOrPageIsA400NamingTheParameter(String parameter, String value, String reason) {
        as(user).queryParam(parameter, value).get("/notifications").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://backcare.example/problems/validation"))
                .body("status", equalTo(400))
                .body("detail", containsString(reason))
                .body("errors.field", hasItem(parameter));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /notifications/not-a-uuid",
            "POST, /notifications/not-a-uuid/read",
            "POST, /notifications/00000000-0000-0000-0000-00000000000g/acknowledgement",
    })
    void aMalformedIdIsA400(String method, String path) {
        as(user).request(method, path).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void anUnknownNotificationIsA404Problem() {
        as(user).get("/notifications/6f1c1d3e-1111-4000-8000-000000000000").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("title", equalTo("Not found"));
    }

    @Test
    void anUnknownPathOrMethodIsAProblemToo() {
        as(user).get("/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as(user).delete("/notifications/unread-count").then().statusCode(405).contentType(Problem.MEDIA_TYPE);
        as(user).body("{}").put("/notifications/6f1c1d3e-1111-4000-8000-000000000000/read").then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void noBadInputEverCausesAServerError() {
        List<String> junk = List.of("", "%20", "%00", "%FF", "%27", "%22", "null", "-1", "99999999999999999999",
                "00000000-0000-0000-0000-000000000000", "../../etc/passwd", "%E2%80%AE", "a".repeat(300));
        List<String> parameters = List.of("unread", "priority", "patientId", "kind", "page", "size");
        for (String value : junk) {
            for (String parameter : parameters) {
                Response r = as(user).urlEncodingEnabled(false).queryParam(parameter, value).get("/notifications");
                assertThat(r.statusCode()).as(parameter + "=" + value).isLessThan(500);
            }
            for (Map.Entry<String, String> call : Map.of("GET", "/notifications/%s", "POST", "/notifications/%s/read")
                    .entrySet()) {
                Response r = as(user).urlEncodingEnabled(false).request(call.getKey(), String.format(call.getValue(), value));
                assertThat(r.statusCode()).as(call.getKey() + " " + call.getValue() + " " + value).isLessThan(500);
            }
            Response ack = as(user).urlEncodingEnabled(false)
                    .post(String.format("/notifications/%s/acknowledgement", value));
            assertThat(ack.statusCode()).as("acknowledge " + value).isLessThan(500);
        }
    }
}
