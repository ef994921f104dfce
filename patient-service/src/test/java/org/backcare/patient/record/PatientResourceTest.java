package org.backcare.patient.record;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.backcare.patient.testsupport.Api.as;
import static org.backcare.patient.testsupport.Api.newPatient;
import static org.backcare.patient.testsupport.Api.registerPatient;
import static org.backcare.patient.testsupport.Api.registerPatientFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class PatientResourceTest {

    @Test
    void physicianRegistersPatientAndJoinsTheCareTeam() {
        Users physician = Users.physician();
        as(physician).body(newPatient()).post("/patients").then()
                .statusCode(201)
                .header("Location", containsString("/patients/"))
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("givenName", equalTo("Anna"))
                .body("status", equalTo("active"))
                .body("urgentReview", equalTo(false))
                .body("chronic", equalTo(true))
                .body("painType", equalTo("mechanical"))
                .body("painClassifiedBy", equalTo(physician.subject()))
                .body("comorbidities", equalTo(List.of("kidney-disease")))
                .body("careTeam", hasSize(1))
                .body("careTeam[0].subject", equalTo(physician.subject()))
                .body("careTeam[0].role", equalTo("physician"));
    }

    @Test
    void recentPainIsNotChronic() {
        Map<String, Object> body = newPatient();
        body.put("painOnsetDate", java.time.LocalDate.now().minusWeeks(3).toString());
        as(Users.physician()).body(body).post("/patients").then().statusCode(201).body("chronic", equalTo(false));
    }

    @Test
    void patientRegistersThemselvesLinkedToTheirLogin() {
        Users patient = Users.patient();
        Map<String, Object> body = newPatient();
        body.remove("painType");
        body.remove("painTypeRationale");
        as(patient).body(body).post("/patients").then().statusCode(201)
                .body("oidcSubject", equalTo(patient.subject()))
                .body("careTeam", hasSize(0));
        as(patient).get("/patients/me").then().statusCode(200)
                .body("oidcSubject", equalTo(patient.subject()))
                .header("ETag", notNullValue());
        // One record per login.
        as(patient).body(body).post("/patients").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void patientCannotRegisterSomeoneElseOrClassifyTheirOwnPain() {
        Users patient = Users.patient();
        Map<String, Object> other = newPatient();
        other.remove("painType");
        other.remove("painTypeRationale");
        other.put("oidcSubject", "somebody-else");
        as(patient).body(other).post("/patients").then().statusCode(403);
        as(patient).body(newPatient()).post("/patients").then().statusCode(403)
                .body("detail", containsString("pain type"));
        as(patient).get("/patients/me").then().statusCode(404);
    }

    @Test
    void adminRegistersWithoutJoiningTheTeam() {
        Map<String, Object> body = newPatient();
        body.remove("painType");
        body.remove("painTypeRationale");
        as(Users.admin()).body(body).post("/patients").then().statusCode(201).body("careTeam", hasSize(0));
    }

    @Test
    void readAnswersWithETagAndHonoursIfNoneMatch() {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        String etag = as(physician).get("/patients/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).extract().header("ETag");
        as(physician).header("If-None-Match", etag).get("/patients/{id}", id).then().statusCode(304);
    }

    @Test
    void putNeedsIfMatchAndRejectsAStaleOne() {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        Map<String, Object> body = newPatient();
        body.put("familyName", "Berg-Lind");

        as(physician).body(body).put("/patients/{id}", id).then().statusCode(428)
                .contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        as(physician).header("If-Match", "\"0\"").body(body).put("/patients/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("familyName", equalTo("Berg-Lind"));
        // A colleague still holding version 0 must not overwrite the change.
        body.put("familyName", "Stale");
        as(physician).header("If-Match", "\"0\"").body(body).put("/patients/{id}", id).then().statusCode(412)
                .contentType("application/problem+json");
        as(physician).get("/patients/{id}", id).then().body("familyName", equalTo("Berg-Lind"));
    }

    @Test
    void ofConcurrentEditsWithTheSameETagExactlyOneWins() throws Exception {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Map<String, Object> body = newPatient();
                body.put("familyName", "Writer" + i);
                results.add(pool.submit(() -> as(physician).header("If-Match", "\"0\"").body(body)
                        .put("/patients/{id}", id).statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var result : results) {
                statuses.add(result.get());
            }
            org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(200, 412);
            org.assertj.core.api.Assertions.assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        as(physician).get("/patients/{id}", id).then().header("ETag", equalTo("\"1\""));
    }

    @Test
    void patchChangesOnlyTheNamedFields() {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        as(physician).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"phone\": \"+46 70 765 43 21\", \"comorbidities\": [\"pregnancy\"]}")
                .patch("/patients/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("phone", equalTo("+46 70 765 43 21"))
                .body("comorbidities", equalTo(List.of("pregnancy")))
                .body("givenName", equalTo("Anna"));
        as(physician).contentType("application/merge-patch+json")
                .body("{\"phone\": \"+46 70 000 00 00\"}")
                .patch("/patients/{id}", id).then().statusCode(428);
        as(physician).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"phone\": \"+46 70 000 00 00\"}")
                .patch("/patients/{id}", id).then().statusCode(412);
    }

    @Test
    void patientUpdatesOwnContactDetailsButNotTheClinicalRecord() {
        Users physician = Users.physician();
        Users patient = Users.patient();
        String id = registerPatientFor(physician, patient);
        as(patient).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"email\": \"anna@new.example\"}")
                .patch("/patients/{id}", id).then().statusCode(200).body("email", equalTo("anna@new.example"));
        as(patient).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"comorbidities\": []}")
                .patch("/patients/{id}", id).then().statusCode(403);
        as(patient).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"painType\": \"complex\"}")
                .patch("/patients/{id}", id).then().statusCode(403);
        as(physician).get("/patients/{id}", id).then()
                .body("comorbidities", equalTo(List.of("kidney-disease")))
                .body("painType", equalTo("mechanical"));
    }

    @Test
    void physicalTherapistReclassifiesPainWithRationale() {
        Users physician = Users.physician();
        Users therapist = Users.physicalTherapist();
        String id = registerPatient(physician);
        org.backcare.patient.testsupport.Api.addToCareTeam(physician, id, therapist);
        String etag = as(therapist).get("/patients/{id}", id).then().extract().header("ETag");
        as(therapist).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"painType\": \"radicular\", \"painTypeRationale\": \"Shooting pain below the knee, positive SLR\"}")
                .patch("/patients/{id}", id).then().statusCode(200)
                .body("painType", equalTo("radicular"))
                .body("painClassifiedBy", equalTo(therapist.subject()));
    }

    @Test
    void listFiltersByNameStatusUrgentReviewAndCareTeamMember() {
        Users physician = Users.physician();
        Map<String, Object> body = newPatient();
        body.put("familyName", "Zetterlund");
        String zetterlund = registerPatient(physician, body);
        body.put("familyName", "Åkesson");
        String akesson = registerPatient(physician, body);

        as(physician).queryParam("name", "zetter").get("/patients").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(zetterlund));
        as(physician).get("/patients").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", hasItem(akesson));
        as(physician).queryParam("size", 1).queryParam("page", 1).get("/patients").then()
                .body("items", hasSize(1)).body("page", equalTo(1)).body("totalPages", equalTo(2));
        as(Users.admin()).queryParam("careTeamMember", physician.subject()).get("/patients").then()
                .body("total", equalTo(2));
        as(physician).queryParam("status", "discharged").get("/patients").then().body("total", equalTo(0));
        as(physician).queryParam("urgentReview", true).get("/patients").then().body("total", equalTo(0));
        as(physician).queryParam("name", "%").get("/patients").then().body("total", equalTo(0));
    }

    @Test
    void dischargeEndsTheEpisodeAndMakesTheRecordReadOnly() {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        as(physician).body(Map.of("reason", "Goals met")).post("/patients/{id}/discharge", id).then()
                .statusCode(200)
                .body("status", equalTo("discharged"))
                .body("dischargeReason", equalTo("Goals met"))
                .body("dischargedAt", notNullValue());
        as(physician).body(Map.of("reason", "again")).post("/patients/{id}/discharge", id).then().statusCode(409);
        as(physician).queryParam("status", "discharged").get("/patients").then().body("total", equalTo(1));
        Map<String, Object> body = newPatient();
        body.put("givenName", "Changed");
        String etag = as(physician).get("/patients/{id}", id).then().extract().header("ETag");
        as(physician).header("If-Match", etag).body(body).put("/patients/{id}", id).then().statusCode(409)
                .body("type", startsWith("https://backcare.example/problems/"));
    }
}
