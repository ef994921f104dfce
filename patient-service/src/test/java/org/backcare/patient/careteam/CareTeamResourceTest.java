package org.backcare.patient.careteam;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.patient.testsupport.Api;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.backcare.patient.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CareTeamResourceTest {

    @Test
    void addedClinicianSeesThePatientAndLosesAccessWhenRemoved() {
        Users physician = Users.physician();
        Users psychologist = Users.psychologist();
        String id = Api.registerPatient(physician);
        as(psychologist).get("/patients/{id}", id).then().statusCode(404);

        as(physician).body(Map.of("subject", psychologist.subject(), "role", "psychologist",
                        "displayName", "Dr. Mia Miller", "email", "mia@clinic.example"))
                .post("/patients/{id}/care-team", id).then().statusCode(201)
                .header("Location", containsString("/care-team/" + psychologist.subject()))
                .body("role", equalTo("psychologist"))
                .body("displayName", equalTo("Dr. Mia Miller"));
        as(psychologist).get("/patients/{id}", id).then().statusCode(200);
        as(psychologist).get("/patients/{id}/care-team", id).then().statusCode(200)
                .body("", hasSize(2))
                .body("[1].subject", equalTo(psychologist.subject()));
        as(psychologist).get("/patients").then().body("total", equalTo(1));

        as(physician).delete("/patients/{id}/care-team/{subject}", id, psychologist.subject()).then().statusCode(204);
        as(psychologist).get("/patients/{id}", id).then().statusCode(404);
        as(physician).delete("/patients/{id}/care-team/{subject}", id, psychologist.subject()).then().statusCode(404);
    }

    @Test
    void aMemberIsAddedOnlyOnce() {
        Users physician = Users.physician();
        Users therapist = Users.physicalTherapist();
        String id = Api.registerPatient(physician);
        Api.addToCareTeam(physician, id, therapist);
        as(physician).body(Map.of("subject", therapist.subject(), "role", "physical-therapist", "displayName", "again"))
                .post("/patients/{id}/care-team", id).then().statusCode(409);
    }

    @Test
    void addingAMemberChangesTheRecordsETag() {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        String before = as(physician).get("/patients/{id}", id).then().extract().header("ETag");
        Api.addToCareTeam(physician, id, Users.psychologist());
        String after = as(physician).get("/patients/{id}", id).then().extract().header("ETag");
        org.assertj.core.api.Assertions.assertThat(after).isNotEqualTo(before);
    }
}
