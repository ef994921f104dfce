package org.backcare.notification.problem;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.notification.testsupport.Events;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.notification.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.backcare.notification.testsupport.Api.awaitInbox;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A write that loses a race with another transaction, noticed only at commit (outside the resource method), answers
 * a problem, never a 500: platform/web's mappers read the whole cause chain. {@link StaleWriteProbe} makes the race.
 */
@QuarkusTest
class LostRaceTest {

    @Test
    void aStaleWriteFoundAtCommitIs409AndWithIfMatch412() {
        Users doc = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        Events.trackingAlert("WorseningTrend", "worsening-trend", "high", p.id(), "Pain rising");
        String id = (String) awaitInbox(doc, p.id(), "worsening-trend", 1).get(0).get("id");

        given().put("/test/stale-write/{id}", id).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://backcare.example/problems/conflict"))
                .body("detail", containsString("at the same time"));
        given().header("If-Match", "\"0\"").put("/test/stale-write/{id}", id).then().statusCode(412)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://backcare.example/problems/stale-etag"));
    }
}
