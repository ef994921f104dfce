package org.backcare.patient.audit;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.patient.testsupport.Api;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import static org.backcare.patient.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AuditLogTest {

    @Test
    void readsAndChangesAreRecordedWithWhoWhatWhen() {
        Users physician = Users.physician();
        Users patient = Users.patient();
        String id = Api.registerPatientFor(physician, patient);
        as(patient).get("/patients/me").then().statusCode(200);
        as(physician).get("/patients/{id}", id).then().statusCode(200);
        as(physician).get("/patients/{id}/care-team", id).then().statusCode(200);

        Users admin = Users.admin();
        as(admin).queryParam("patientId", id).get("/audit-log").then().statusCode(200)
                .body("total", equalTo(4))
                // newest first
                .body("items.action", org.hamcrest.Matchers.contains("CARE_TEAM_READ", "READ", "READ", "REGISTER"))
                .body("items.actor", hasItems(physician.subject(), patient.subject()))
                .body("items[0].at", notNullValue());
        as(admin).queryParam("actor", patient.subject()).queryParam("action", "READ").get("/audit-log").then()
                .body("total", equalTo(1))
                .body("items[0].patientId", equalTo(id))
                .body("items[0].actorRoles", equalTo("patient"));
    }

    @Test
    void listingPatientsRecordsEachPatientShown() {
        Users physician = Users.physician();
        String first = Api.registerPatient(physician);
        Api.registerPatient(physician);
        as(physician).get("/patients").then().body("total", equalTo(2));
        as(Users.admin()).queryParam("patientId", first).queryParam("action", "LIST").get("/audit-log").then()
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo(physician.subject()));
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        as(Users.physician()).get("/audit-log").then().statusCode(403);
        as(Users.integrator()).get("/audit-log").then().statusCode(403);
        as(Users.admin()).queryParam("from", "yesterday").get("/audit-log").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void anUnknownActionIsRefusedWithTheActionsThisServiceRecords() {
        as(Users.admin()).queryParam("action", "PLAN_READ").get("/audit-log").then().statusCode(400)
                .body("errors[0].field", equalTo("action"))
                .body("detail", org.hamcrest.Matchers.containsString("REGISTER"))
                .body("detail", org.hamcrest.Matchers.containsString("REFUSED"));
    }
}
