package org.backcare.patient.fhir;

import org.backcare.platform.fhir.Fhir;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.backcare.platform.testing.Users;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.patient.fhir.FhirValidation.assertValid;
import static org.backcare.patient.testsupport.Api.addToCareTeam;
import static org.backcare.patient.testsupport.Api.as;
import static org.backcare.patient.testsupport.Api.registerPatient;
import static org.backcare.patient.testsupport.Api.registerPatientFor;
import static org.backcare.patient.testsupport.Api.screening;

/** The FHIR read and search API over HTTP: content, versions, paging, access rules and OperationOutcome errors. */
@QuarkusTest
class FhirApiTest {

    static RequestSpecification fhir(Users user) {
        return given().auth().oauth2(user.token()).accept(Fhir.JSON);
    }

    static <T extends Resource> T parse(Response response, Class<T> type) {
        assertThat(response.contentType()).startsWith(Fhir.JSON);
        String body = response.asString();
        assertValid(body);
        return Fhir.json().parseResource(type, body);
    }

    /** An error must be a valid OperationOutcome with the status and a diagnostic. */
    static OperationOutcome outcome(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        OperationOutcome outcome = parse(response, OperationOutcome.class);
        assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank();
        return outcome;
    }

    @Test
    void patientIsReadWithWeakETagAndMeta() {
        Users physician = Users.physician();
        String id = registerPatient(physician);

        Response response = fhir(physician).get("/fhir/Patient/{id}", id);
        assertThat(response.statusCode()).isEqualTo(200);
        var patient = parse(response, org.hl7.fhir.r4.model.Patient.class);
        assertThat(patient.getIdPart()).isEqualTo(id);
        assertThat(response.header("ETag")).isEqualTo("W/\"0\"");
        assertThat(patient.getMeta().getVersionId()).isEqualTo("0");
        assertThat(patient.getMeta().getLastUpdated()).isNotNull();
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Berg");
        assertThat(patient.getText().getStatus().toCode()).isEqualTo("generated");
        assertThat(patient.getText().getDivAsString()).containsIgnoringCase("Berg");

        fhir(physician).header("If-None-Match", "W/\"0\"").get("/fhir/Patient/{id}", id).then().statusCode(304);

        as(physician).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"phone\": \"+46 70 111 11 11\"}").patch("/patients/{id}", id).then().statusCode(200);
        Response changed = fhir(physician).header("If-None-Match", "W/\"0\"").get("/fhir/Patient/{id}", id);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(parse(changed, org.hl7.fhir.r4.model.Patient.class).getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void careTeamHasEveryMemberWithARole() {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        addToCareTeam(physician, id, Users.physicalTherapist());
        addToCareTeam(physician, id, Users.psychologist());

        Response response = fhir(physician).get("/fhir/CareTeam/{id}", id);
        assertThat(response.statusCode()).isEqualTo(200);
        CareTeam team = parse(response, CareTeam.class);
        assertThat(team.getSubject().getReference()).isEqualTo("Patient/" + id);
        assertThat(team.getParticipant()).extracting(p -> p.getRoleFirstRep().getText())
                .containsExactly("physician", "physical-therapist", "psychologist");
        assertThat(team.getParticipant()).extracting(p -> p.getMember().getIdentifier().getValue())
                .contains(physician.subject());
        assertThat(response.header("ETag")).isEqualTo("W/\"" + team.getMeta().getVersionId() + "\"");
    }

    @Test
    void flagExistsOnlyWhileUnderUrgentReview() {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        outcome(fhir(physician).get("/fhir/Flag/{id}", id), 404);
        assertThat(search(physician, "/fhir/Flag?patient=Patient/" + id).getTotal()).isZero();

        as(physician).body(screening("fever")).post("/patients/{id}/red-flag-screenings", id).then().statusCode(201);

        Response response = fhir(physician).get("/fhir/Flag/{id}", id);
        assertThat(response.statusCode()).isEqualTo(200);
        Flag flag = parse(response, Flag.class);
        assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
        assertThat(flag.getCode().getText()).isEqualTo("Urgent review: red flag");
        assertThat(flag.getPeriod().getStart()).isNotNull();
        assertThat(search(physician, "/fhir/Flag?patient=" + id).getTotal()).isEqualTo(1);

        as(physician).body(java.util.Map.of("note", "Examined, no emergency"))
                .post("/patients/{id}/urgent-review/resolution", id).then().statusCode(200);
        outcome(fhir(physician).get("/fhir/Flag/{id}", id), 404);
    }

    @Test
    void readsFollowTheUsualAccessRules() {
        Users physician = Users.physician();
        Users patient = Users.patient();
        String id = registerPatientFor(physician, patient);
        for (String type : List.of("Patient", "CareTeam")) {
            String path = "/fhir/" + type + "/" + id;
            fhir(patient).get(path).then().statusCode(200);
            fhir(physician).get(path).then().statusCode(200);
            fhir(Users.admin()).get(path).then().statusCode(200);
            fhir(Users.integrator()).get(path).then().statusCode(200);

            // Not allowed looks exactly like not there.
            String unknown = "/fhir/" + type + "/" + UUID.randomUUID();
            for (Users stranger : List.of(Users.patient(), Users.physician(), Users.physicalTherapist())) {
                OperationOutcome hidden = outcome(fhir(stranger).get(path), 404);
                OperationOutcome missing = outcome(fhir(stranger).get(unknown), 404);
                assertThat(hidden.getIssueFirstRep().getCode()).isEqualTo(missing.getIssueFirstRep().getCode());
                assertThat(hidden.getIssueFirstRep().getDiagnostics().replace(id, "ID"))
                        .isEqualTo(missing.getIssueFirstRep().getDiagnostics().replace(unknown.substring(unknown.lastIndexOf('/') + 1), "ID"));
            }
            outcome(given().accept(Fhir.JSON).get(path), 401);
            outcome(fhir(Users.of("receptionist")).get(path), 403);
        }
        outcome(fhir(physician).get("/fhir/Patient/not-a-uuid"), 404);
    }

    @Test
    void searchesSeeOnlyVisiblePatientsAndPageWithNextLinks() {
        Users physician = Users.physician();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(registerPatient(physician));
        }
        Users otherPhysician = Users.physician();
        registerPatient(otherPhysician);

        Bundle first = search(physician, "/fhir/Patient?_count=2");
        assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink("self").getUrl()).contains("/fhir/Patient?_count=2");
        String next = first.getLink("next").getUrl();
        assertThat(next).contains("_offset=2").contains("_count=2");

        Response nextPage = fhir(physician).get(next);
        assertThat(nextPage.statusCode()).isEqualTo(200);
        Bundle second = parse(nextPage, Bundle.class);
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getLink("next")).isNull();
        List<String> seen = new ArrayList<>();
        first.getEntry().forEach(e -> seen.add(e.getResource().getIdElement().getIdPart()));
        second.getEntry().forEach(e -> seen.add(e.getResource().getIdElement().getIdPart()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first.getEntryFirstRep().getFullUrl()).endsWith("/fhir/Patient/" + seen.get(0));

        Bundle teams = search(physician, "/fhir/CareTeam");
        assertThat(teams.getTotal()).isEqualTo(3);
        assertThat(search(physician, "/fhir/CareTeam?patient=Patient/" + ids.get(0)).getTotal()).isEqualTo(1);
        // A patient sees only their own; an integrator searches across everyone.
        assertThat(search(Users.patient(), "/fhir/Patient").getTotal()).isZero();
        assertThat(search(Users.integrator(), "/fhir/Patient?_id=" + ids.get(1)).getTotal()).isEqualTo(1);
        assertThat(search(Users.integrator(), "/fhir/Patient?_count=0").getTotal()).isGreaterThanOrEqualTo(4);
        assertThat(search(Users.integrator(), "/fhir/Patient?_count=0").getEntry()).isEmpty();
    }

    @Test
    void dateAndLastUpdatedRangesFilter() {
        Users physician = Users.physician();
        Instant before = Instant.now().minusSeconds(1);
        String id = registerPatient(physician);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        assertThat(search(physician, "/fhir/Patient?_lastUpdated=ge" + before).getTotal()).isEqualTo(1);
        assertThat(search(physician, "/fhir/Patient?_lastUpdated=lt" + before).getTotal()).isZero();
        assertThat(search(physician, "/fhir/Patient?_lastUpdated=lt2000-01-01").getTotal()).isZero();
        assertThat(search(physician, "/fhir/CareTeam?patient=" + id + "&date=" + today).getTotal()).isEqualTo(1);
        assertThat(search(physician, "/fhir/CareTeam?date=ge2000-01-01&date=lt2000-02-01").getTotal()).isZero();
        assertThat(search(physician, "/fhir/CareTeam?date=gt" + today).getTotal()).isZero();

        as(physician).body(screening("fever")).post("/patients/{id}/red-flag-screenings", id).then().statusCode(201);
        assertThat(search(physician, "/fhir/Flag?date=ge" + before).getTotal()).isEqualTo(1);
        assertThat(search(physician, "/fhir/Flag?date=le2001").getTotal()).isZero();
    }

    @Test
    void errorsAreOperationOutcomes() {
        Users physician = Users.physician();
        outcome(fhir(physician).get("/fhir/Patient?name=Berg"), 400);
        outcome(fhir(physician).get("/fhir/CareTeam?date=yesterday"), 400);
        outcome(fhir(physician).get("/fhir/CareTeam?date=ne2025-01-01"), 400);
        outcome(fhir(physician).get("/fhir/Flag?_count=many"), 400);
        outcome(fhir(physician).get("/fhir/Observation/" + UUID.randomUUID()), 404);
        outcome(fhir(physician).delete("/fhir/Patient/" + UUID.randomUUID()), 405);
        outcome(given().accept(Fhir.JSON).get("/fhir/Patient"), 401);
        outcome(given().accept(Fhir.JSON).auth().oauth2("not-a-jwt").get("/fhir/Patient"), 401);
        outcome(fhir(Users.of("receptionist")).get("/fhir/Patient"), 403);
        // The JSON API keeps its problem documents.
        assertThat(given().auth().oauth2(physician.token()).get("/patients/" + UUID.randomUUID()).contentType())
                .startsWith("application/problem+json");
    }

    @Test
    void capabilityStatementIsPublicAndValid() {
        Response response = given().accept(Fhir.JSON).get("/fhir/metadata");
        assertThat(response.statusCode()).isEqualTo(200);
        CapabilityStatement cs = parse(response, CapabilityStatement.class);
        assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactly("Patient", "CareTeam", "Flag");
        // Bulk Data as its IG declares it: the IG's CapabilityStatement, system and Patient-level export.
        assertThat(cs.getInstantiates()).extracting(i -> i.getValue())
                .containsExactly("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data");
        assertThat(cs.getRestFirstRep().getOperation()).extracting(o -> o.getName() + " " + o.getDefinition())
                .containsExactly("export http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
        assertThat(cs.getRestFirstRep().getResourceFirstRep().getOperation())
                .extracting(o -> o.getName() + " " + o.getDefinition())
                .containsExactly("export http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
        assertThat(cs.getRestFirstRep().getSecurity().getServiceFirstRep().getCoding()).extracting(c -> c.getCode())
                .contains("SMART-on-FHIR");
        assertThat(cs.getRestFirstRep().getSecurity()
                .getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")
                .getExtensionByUrl("token").getValue().primitiveValue()).endsWith("/protocol/openid-connect/token");
        // Served resources carry a generated narrative.
        assertThat(cs.getText().getStatus().toCode()).isEqualTo("generated");
    }

    static Bundle search(Users user, String url) {
        Response response = fhir(user).get(url);
        assertThat(response.statusCode()).as(url + " " + response.asString()).isEqualTo(200);
        return parse(response, Bundle.class);
    }
}
