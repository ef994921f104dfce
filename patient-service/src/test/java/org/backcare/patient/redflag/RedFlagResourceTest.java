package org.backcare.patient.redflag;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.patient.testsupport.Api;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.backcare.patient.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RedFlagResourceTest {

    @Test
    void positiveScreeningPutsThePatientUnderUrgentReview() {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        as(physician).body(Api.screening("bowelOrBladderLossOrSaddleNumbness"))
                .post("/patients/{id}/red-flag-screenings", id).then().statusCode(201)
                .body("positive", equalTo(true))
                .body("positiveFindings", equalTo(List.of("bowel-or-bladder-loss-or-saddle-numbness")))
                .body("answers", hasSize(7))
                .body("screenedBy", equalTo(physician.subject()));
        as(physician).get("/patients/{id}", id).then().body("urgentReview", equalTo(true));
        as(physician).queryParam("urgentReview", true).get("/patients").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void negativeScreeningIsKeptButRaisesNothing() {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        as(physician).body(Api.screening()).post("/patients/{id}/red-flag-screenings", id).then().statusCode(201)
                .body("positive", equalTo(false))
                .body("positiveFindings", hasSize(0));
        as(physician).get("/patients/{id}", id).then().body("urgentReview", equalTo(false));
    }

    @Test
    void historyIsKeptNewestFirst() {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        as(physician).body(Api.screening()).post("/patients/{id}/red-flag-screenings", id).then().statusCode(201);
        as(physician).body(Api.screening("fever")).post("/patients/{id}/red-flag-screenings", id).then().statusCode(201);
        as(physician).get("/patients/{id}/red-flag-screenings", id).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].positive", equalTo(true))
                .body("items[1].positive", equalTo(false));
    }

    @Test
    void everyItemMustBeAnswered() {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        Map<String, Object> incomplete = Api.screening();
        incomplete.remove("fever");
        as(physician).body(incomplete).post("/patients/{id}/red-flag-screenings", id).then().statusCode(400)
                .body("errors[0].field", equalTo("fever"));
        as(physician).get("/patients/{id}/red-flag-screenings", id).then().body("total", equalTo(0));
    }

    @Test
    void physicianOnTheTeamClosesTheUrgentReview() {
        Users physician = Users.physician();
        Users therapist = Users.physicalTherapist();
        String id = Api.registerPatient(physician);
        Api.addToCareTeam(physician, id, therapist);
        as(therapist).body(Api.screening("recentSignificantTrauma")).post("/patients/{id}/red-flag-screenings", id)
                .then().statusCode(201);
        as(physician).body(Map.of("note", "")).post("/patients/{id}/urgent-review/resolution", id).then()
                .statusCode(400);
        as(physician).body(Map.of("note", "X-ray clear, no fracture")).post("/patients/{id}/urgent-review/resolution", id)
                .then().statusCode(200).body("urgentReview", equalTo(false));
        as(physician).body(Map.of("note", "again")).post("/patients/{id}/urgent-review/resolution", id).then()
                .statusCode(409).body("detail", containsString("not under urgent review"));
    }
}
