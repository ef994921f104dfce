package org.backcare.tracking.fhir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.backcare.tracking.testsupport.Api;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;

/** The FHIR read API over HTTP: read with ETag, search with paging, the access rules, OperationOutcome errors. */
@QuarkusTest
class FhirApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    record Scenario(UUID patientId, Users patient, Users physician) {
    }

    /** A patient with a full check-in yesterday and three days ago, an ODI and one intake. */
    static Scenario scenario() {
        Users physician = Users.physician();
        PatientEvents.TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", physician);
        Api.checkIn(p.patient(), p.id(), TODAY.minusDays(1), Api.checkIn(5));
        Api.checkIn(p.patient(), p.id(), TODAY.minusDays(3), Api.checkIn(7));
        as(physician).body(Map.of("answers", Arrays.asList(2, 1, 3, 2, 2, 1, null, 2, 1, 2)))
                .post("/patients/{id}/questionnaires/odi", p.id()).then().statusCode(201);
        as(p.patient()).body(new HashMap<>(Map.of("takenAt", Instant.now().minusSeconds(60).toString(),
                        "drug", "ibuprofen", "dose", 400, "unit", "mg", "sideEffects", List.of("nausea"))))
                .post("/patients/{id}/medication-intakes", p.id()).then().statusCode(201);
        return new Scenario(p.id(), p.patient(), physician);
    }


    static JsonPath json(Response r) {
        return JsonPath.from(r.asString());
    }

    static Response get(Users user, String path, Object... params) {
        return given().auth().oauth2(user.token()).accept("application/fhir+json").get(path, params);
    }

    static void assertOutcome(Response r, int status) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        JsonPath body = json(r);
        assertThat(body.getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(body.getString("issue[0].severity")).isEqualTo("error");
        assertThat(body.getString("issue[0].diagnostics")).isNotBlank();
        FhirValidation.assertValid(r.asString());
    }

    @Test
    void everyResourceTypeIsServedValidAndReadableWithItsVersion() {
        Scenario s = scenario();
        for (String type : List.of("Observation", "QuestionnaireResponse", "MedicationStatement")) {
            Response search = get(s.physician(), "/fhir/" + type + "?patient=Patient/{id}", s.patientId());
            assertThat(search.statusCode()).as(search.asString()).isEqualTo(200);
            assertThat(search.contentType()).startsWith("application/fhir+json");
            FhirValidation.assertValid(search.asString());
            JsonPath bundle = json(search);
            assertThat(bundle.getString("type")).isEqualTo("searchset");
            int expected = switch (type) {
                case "Observation" -> 2 * 6 + 1;
                default -> 1;
            };
            assertThat(bundle.getInt("total")).as(type).isEqualTo(expected);
            List<String> ids = bundle.getList("entry.resource.id");
            assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
            for (String id : ids) {
                Response read = get(s.patient(), "/fhir/" + type + "/" + id);
                assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
                JsonPath resource = json(read);
                assertThat(resource.getString("resourceType")).isEqualTo(type);
                assertThat(resource.getString("id")).isEqualTo(id);
                assertThat(read.header("ETag")).isEqualTo("W/\"" + resource.getString("meta.versionId") + "\"");
                assertThat(resource.getString("meta.lastUpdated")).isNotBlank();
                assertThat(resource.getString("subject.reference")).isEqualTo("Patient/" + s.patientId());
                assertThat(resource.getString("text.status")).as("a narrative made by HAPI's generator")
                        .isEqualTo("generated");
                assertThat(resource.getString("text.div")).startsWith("<div").contains(type);
                FhirValidation.assertValid(read.asString());
            }
        }
        JsonPath observations = json(get(s.physician(), "/fhir/Observation?patient={id}", s.patientId()));
        assertThat(observations.getList("entry.collect { it.resource.code.coding[0].code }", String.class))
                .contains("72514-3", "93832-4", "97909-6");
        assertThat(observations.getList("entry.collect { it.resource.category[0].coding[0].code }", String.class)).containsOnly("survey");
    }

    @Test
    void anUpdatedCheckInHasANewVersion() {
        Scenario s = scenario();
        String id = json(get(s.patient(), "/fhir/Observation?patient={id}&date={day}", s.patientId(),
                TODAY.minusDays(1).toString())).getString("entry.find { it.resource.id.endsWith('-pain') }.resource.id");
        Response before = get(s.patient(), "/fhir/Observation/" + id);
        String etag = "\"" + json(before).getString("meta.versionId") + "\"";
        as(s.patient()).header("If-Match", etag).body(Api.checkIn(2))
                .put("/patients/{id}/check-ins/{day}", s.patientId(), TODAY.minusDays(1).toString()).then().statusCode(200);
        Response after = get(s.patient(), "/fhir/Observation/" + id);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(json(after).getLong("meta.versionId")).isEqualTo(json(before).getLong("meta.versionId") + 1);
    }

    @Test
    void searchPagesWithNextLinksAndFiltersByDateAndLastUpdated() {
        Scenario s = scenario();
        List<String> seen = new ArrayList<>();
        String url = "/fhir/Observation?patient=" + s.patientId() + "&_count=5";
        int pages = 0;
        while (url != null) {
            JsonPath page = json(given().auth().oauth2(s.physician().token()).urlEncodingEnabled(false).get(url));
            assertThat(page.getInt("total")).isEqualTo(13);
            seen.addAll(page.getList("entry.resource.id"));
            assertThat(page.getString("link.find { it.relation == 'self' }.url")).isNotBlank();
            String next = page.getString("link.find { it.relation == 'next' }.url");
            url = next == null ? null : java.net.URI.create(next).getRawPath() + "?" + java.net.URI.create(next).getRawQuery();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(13).doesNotHaveDuplicates();

        assertThat(json(get(s.physician(), "/fhir/Observation?patient={id}&date=ge{day}", s.patientId(),
                TODAY.minusDays(1).toString())).getInt("total")).isEqualTo(6 + 1);
        assertThat(json(get(s.physician(), "/fhir/Observation?patient={id}&date=lt{day}", s.patientId(),
                TODAY.minusDays(1).toString())).getInt("total")).isEqualTo(6);
        assertThat(json(get(s.physician(), "/fhir/Observation?patient={id}&date=ge{from}&date=le{to}", s.patientId(),
                TODAY.minusDays(3).toString(), TODAY.minusDays(2).toString())).getInt("total")).isEqualTo(6);
        assertThat(json(get(s.physician(), "/fhir/MedicationStatement?patient={id}&_lastUpdated=gt{t}", s.patientId(),
                Instant.now().plusSeconds(60).toString())).getInt("total")).isZero();
        assertThat(json(get(s.physician(), "/fhir/MedicationStatement?patient={id}&_lastUpdated=ge{t}", s.patientId(),
                TODAY.minusDays(1).toString())).getInt("total")).isEqualTo(1);
        JsonPath none = json(get(s.physician(), "/fhir/Observation?patient={id}&_count=0", s.patientId()));
        assertThat(none.getInt("total")).isEqualTo(13);
        assertThat(none.getList("entry")).isNullOrEmpty();
    }

    @Test
    void accessFollowsTheCareTeamAndHiddenIsNotFound() {
        Scenario s = scenario();
        String id = json(get(s.patient(), "/fhir/MedicationStatement?patient={id}", s.patientId()))
                .getString("entry[0].resource.id");
        assertThat(get(s.physician(), "/fhir/MedicationStatement/" + id).statusCode()).isEqualTo(200);
        assertThat(get(Users.admin(), "/fhir/MedicationStatement/" + id).statusCode()).isEqualTo(200);
        assertThat(get(Users.integrator(), "/fhir/MedicationStatement/" + id).statusCode()).isEqualTo(200);

        Scenario other = scenario();
        Response hidden = get(other.physician(), "/fhir/MedicationStatement/" + id);
        assertOutcome(hidden, 404);
        Response missing = get(other.physician(), "/fhir/MedicationStatement/" + UUID.randomUUID());
        assertOutcome(missing, 404);
        assertOutcome(get(other.patient(), "/fhir/MedicationStatement/" + id), 404);
        assertOutcome(get(Users.of("guest"), "/fhir/MedicationStatement/" + id), 404);
        assertOutcome(get(other.patient(), "/fhir/Observation?patient={id}", s.patientId()), 404);
        assertOutcome(get(other.physician(), "/fhir/Observation?patient={id}", UUID.randomUUID()), 404);

        // Across patients: integrators and admins only.
        assertOutcome(get(s.physician(), "/fhir/Observation"), 403);
        assertOutcome(get(s.patient(), "/fhir/QuestionnaireResponse"), 403);
        Response all = get(Users.integrator(), "/fhir/Observation?_count=1");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).getInt("total")).isGreaterThanOrEqualTo(26);
        assertThat(given().accept("application/fhir+json").get("/fhir/Observation").statusCode()).isEqualTo(401);
    }

    @Test
    void badRequestsAnswerOperationOutcome() {
        Scenario s = scenario();
        assertOutcome(get(s.physician(), "/fhir/Observation?patient={id}&date=yesterday", s.patientId()), 400);
        assertOutcome(get(s.physician(), "/fhir/Observation?patient={id}&_lastUpdated=ne2026-01-01", s.patientId()), 400);
        assertOutcome(get(s.physician(), "/fhir/Observation?patient={id}&_count=-1", s.patientId()), 400);
        assertOutcome(get(s.physician(), "/fhir/Observation?patient={id}&code=72514-3x&_sort=x", s.patientId()), 400);
        // Each unimplemented parameter on its own is refused, never ignored.
        for (String parameter : List.of("_sort=-date", "_include=Observation:subject", "_format=xml", "patinet=Patient/1")) {
            Response refused = get(s.physician(), "/fhir/Observation?patient={id}&" + parameter, s.patientId());
            assertOutcome(refused, 400);
            assertThat(json(refused).getString("issue[0].code")).isEqualTo("not-supported");
        }
        assertThat(get(s.physician(), "/fhir/Observation?patient={id}&_format=json", s.patientId())
                .statusCode()).isEqualTo(200);
        assertOutcome(get(s.physician(), "/fhir/Observation?patient=Group/1"), 400);
        assertOutcome(get(s.physician(), "/fhir/Patient/" + s.patientId()), 404);
        assertOutcome(get(s.physician(), "/fhir/Observation/not-an-id"), 404);
        assertOutcome(get(s.physician(), "/fhir/Observation/" + UUID.randomUUID() + "-pain"), 404);
        assertOutcome(get(s.physician(), "/fhir/Observation/a/b/c"), 404);
        // $export is for integrators.
        assertOutcome(given().auth().oauth2(s.physician().token()).header("Prefer", "respond-async")
                .get("/fhir/$export"), 403);
    }

    /** A missing or rejected token is a 401 OperationOutcome under /fhir; the JSON API keeps its own 401. */
    @Test
    void missingOrInvalidTokenIs401OperationOutcome() {
        for (String path : List.of("/fhir/Observation", "/fhir/MedicationStatement/" + UUID.randomUUID(),
                "/fhir/$export", "/fhir/$export-status/" + UUID.randomUUID())) {
            Response anonymous = given().accept("application/fhir+json").header("Prefer", "respond-async").get(path);
            assertOutcome(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
            Response rejected = given().accept("application/fhir+json").header("Prefer", "respond-async")
                    .auth().oauth2("not-a-jwt").get(path);
            assertOutcome(rejected, 401);
            assertThat(rejected.header("WWW-Authenticate")).startsWith("Bearer");
        }
        // The CapabilityStatement stays public.
        assertThat(given().accept("application/fhir+json").get("/fhir/metadata").statusCode()).isEqualTo(200);
        // Outside /fhir nothing changes: still a 401, never an OperationOutcome.
        Response json = given().auth().oauth2("not-a-jwt").get("/patients/" + UUID.randomUUID() + "/check-ins");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.asString()).doesNotContain("OperationOutcome");
        Response jsonAnonymous = given().get("/patients/" + UUID.randomUUID() + "/check-ins");
        assertThat(jsonAnonymous.statusCode()).isEqualTo(401);
        assertThat(jsonAnonymous.asString()).doesNotContain("OperationOutcome");
    }

    /** The CodeSystem and Questionnaire the served resources name by URL resolve, for any authenticated caller. */
    @Test
    void theOdiQuestionnaireAndTheTrackingCodesResolveByIdAndUrl() {
        Scenario s = scenario();
        JsonPath response = json(get(s.physician(), "/fhir/QuestionnaireResponse?patient={id}", s.patientId()));
        String questionnaireUrl = response.getString("entry[0].resource.questionnaire");
        JsonPath observations = json(get(s.physician(), "/fhir/Observation?patient={id}", s.patientId()));
        List<String> localCodes = observations.getList(
                "entry.resource.code.coding.flatten().findAll { it.system == '" + FhirCodes.TRACKING_CODES + "' }.code",
                String.class);
        assertThat(localCodes).contains("mood", "stress");

        for (Users caller : List.of(s.patient(), Users.integrator(), Users.of("receptionist"))) {
            Response questionnaire = get(caller, "/fhir/Questionnaire/odi");
            assertThat(questionnaire.statusCode()).as(questionnaire.asString()).isEqualTo(200);
            assertThat(questionnaire.header("ETag")).startsWith("W/\"");
            FhirValidation.assertValid(questionnaire.asString());
            JsonPath odi = json(questionnaire);
            assertThat(odi.getString("url")).isEqualTo(questionnaireUrl);
            assertThat(odi.getList("item.linkId", String.class)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8",
                    "9", "10");
            assertThat(odi.getList("item[0].answerOption.valueInteger", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(odi.getString("text.status")).isEqualTo("generated");
        }
        Response byUrl = given().auth().oauth2(s.patient().token()).accept("application/fhir+json")
                .queryParam("url", questionnaireUrl).get("/fhir/Questionnaire");
        assertThat(byUrl.statusCode()).isEqualTo(200);
        FhirValidation.assertValid(byUrl.asString());
        assertThat(json(byUrl).getString("type")).isEqualTo("searchset");
        assertThat(json(byUrl).getInt("total")).isEqualTo(1);
        assertThat(json(byUrl).getString("entry[0].fullUrl")).endsWith("/fhir/Questionnaire/odi");

        Response codes = given().auth().oauth2(Users.integrator().token()).accept("application/fhir+json")
                .queryParam("url", FhirCodes.TRACKING_CODES).get("/fhir/CodeSystem");
        assertThat(json(codes).getInt("total")).isEqualTo(1);
        FhirValidation.assertValid(codes.asString());
        assertThat(json(codes).getList("entry[0].resource.concept.code", String.class)).containsAll(localCodes);
        Response read = get(s.patient(), "/fhir/CodeSystem/tracking");
        assertThat(read.statusCode()).isEqualTo(200);
        FhirValidation.assertValid(read.asString());

        assertOutcome(get(s.patient(), "/fhir/Questionnaire/phq-10"), 404);
        assertOutcome(given().auth().oauth2(s.patient().token()).accept("application/fhir+json")
                .queryParam("title", "ODI").get("/fhir/Questionnaire"), 400);
        assertOutcome(given().accept("application/fhir+json").get("/fhir/Questionnaire/odi"), 401);
    }

    @Test
    void capabilityStatementIsValidAndPublic() {
        Response r = given().accept("application/fhir+json").get("/fhir/metadata");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/fhir+json");
        FhirValidation.assertValid(r.asString());
        JsonPath cs = json(r);
        assertThat(cs.getString("resourceType")).isEqualTo("CapabilityStatement");
        assertThat(cs.getList("rest[0].resource.type", String.class))
                .containsExactly("Observation", "QuestionnaireResponse", "MedicationStatement", "RiskAssessment",
                        "CodeSystem", "Questionnaire", "Patient");
        assertThat(cs.getList("rest[0].resource[0].searchParam.name", String.class)).contains("patient", "date", "code");
        assertThat(cs.getList("rest[0].resource[3].searchParam.name", String.class)).contains("patient", "date")
                .doesNotContain("code");
        // Bulk Data as its IG declares it: the IG's CapabilityStatement, system and Patient-level export.
        assertThat(cs.getList("instantiates", String.class))
                .containsExactly("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data");
        assertThat(cs.getList("rest[0].operation.name", String.class)).containsExactly("export");
        assertThat(cs.getList("rest[0].operation.definition", String.class))
                .containsExactly("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
        assertThat(cs.getList("rest[0].resource[6].interaction")).as("no Patient is served, only its export").isNull();
        assertThat(cs.getList("rest[0].resource[6].operation.name", String.class)).containsExactly("export");
        assertThat(cs.getList("rest[0].resource[6].operation.definition", String.class))
                .containsExactly("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
        assertThat(cs.getList("rest[0].security.service[0].coding.code", String.class)).contains("SMART-on-FHIR");
        assertThat(cs.getString("rest[0].security.extension[0].extension.find { it.url == 'token' }.valueUri"))
                .endsWith("/protocol/openid-connect/token");
        // application/json is accepted as well.
        assertThat(given().accept("application/json").get("/fhir/metadata").statusCode()).isEqualTo(200);
    }

    /**
     * A PHQ-9 (item 4 skipped) and a high-risk STarT Back: their QuestionnaireResponses, score Observations (searched
     * by code) and the STarT Back RiskAssessment, for the patient, the care team and integrators only.
     */
    @Test
    void instrumentResultsAreServedSearchableByCodeAndSeenOnlyByThoseAllowed() {
        Scenario s = scenario();
        as(s.patient()).body(Map.of("answers", Arrays.asList(1, 2, 1, null, 1, 2, 1, 2, 0)))
                .post("/patients/{id}/questionnaires/phq-9", s.patientId()).then().statusCode(201);
        String startBack = as(s.physician()).body(Map.of("answers", List.of(1, 0, 1, 0, 1, 1, 1, 0, 3)))
                .post("/patients/{id}/questionnaires/start-back", s.patientId()).then().statusCode(201)
                .extract().path("id");

        JsonPath responses = json(get(s.physician(), "/fhir/QuestionnaireResponse?patient={id}", s.patientId()));
        assertThat(responses.getInt("total")).as("the ODI and both instruments").isEqualTo(3);
        assertThat(responses.getList("entry.resource.questionnaire", String.class)).containsExactlyInAnyOrder(
                "https://backcare.example/fhir/Questionnaire/odi", "https://backcare.example/fhir/Questionnaire/phq-9|1",
                "https://backcare.example/fhir/Questionnaire/start-back|1");

        Response phq9 = get(s.physician(), "/fhir/Observation?patient={id}&code=http://loinc.org|44261-6", s.patientId());
        assertThat(phq9.statusCode()).as(phq9.asString()).isEqualTo(200);
        FhirValidation.assertValid(phq9.asString());
        assertThat(json(phq9).getInt("total")).isEqualTo(1);
        assertThat(json(phq9).getInt("entry[0].resource.valueQuantity.value")).isEqualTo(11);
        assertThat(json(phq9).getString("entry[0].resource.derivedFrom[0].reference")).startsWith("QuestionnaireResponse/");
        assertThat(json(get(s.physician(), "/fhir/Observation?patient={id}&code=91351-7,97909-6", s.patientId()))
                .getInt("total")).isEqualTo(2);
        assertThat(json(get(s.physician(), "/fhir/Observation?patient={id}&code=" + FhirCodes.TRACKING_CODES + "|mood",
                s.patientId())).getInt("total")).isEqualTo(2);
        assertThat(json(get(s.physician(), "/fhir/Observation?patient={id}", s.patientId())).getInt("total"))
                .isEqualTo(2 * 6 + 1 + 2);

        Response risks = get(s.physician(), "/fhir/RiskAssessment?patient={id}", s.patientId());
        assertThat(risks.statusCode()).as(risks.asString()).isEqualTo(200);
        FhirValidation.assertValid(risks.asString());
        assertThat(json(risks).getInt("total")).isEqualTo(1);
        assertThat(json(risks).getString("entry[0].resource.id")).isEqualTo(startBack);
        assertThat(json(risks).getString("entry[0].resource.prediction[0].qualitativeRisk.coding[0].code"))
                .isEqualTo("high");

        List<String> paths = List.of("/fhir/QuestionnaireResponse/" + startBack, "/fhir/Observation/" + startBack
                + "-start-back", "/fhir/RiskAssessment/" + startBack);
        for (String path : paths) {
            for (Users allowed : List.of(s.patient(), s.physician(), Users.integrator())) {
                Response read = get(allowed, path);
                assertThat(read.statusCode()).as(path + ": " + read.asString()).isEqualTo(200);
                assertThat(read.header("ETag")).isEqualTo("W/\"1\"");
                assertThat(json(read).getString("subject.reference")).isEqualTo("Patient/" + s.patientId());
                assertThat(json(read).getString("text.status")).isEqualTo("generated");
                FhirValidation.assertValid(read.asString());
            }
        }
        Scenario other = scenario();
        for (String path : paths) {
            assertOutcome(get(other.physician(), path), 404);
            assertOutcome(get(other.patient(), path), 404);
        }
        assertOutcome(get(other.physician(), "/fhir/RiskAssessment?patient={id}", s.patientId()), 404);
        assertOutcome(get(s.physician(), "/fhir/RiskAssessment"), 403);
        assertThat(json(get(Users.integrator(), "/fhir/RiskAssessment?_count=0")).getInt("total")).isPositive();
        // An ODI is no RiskAssessment, and code is Observation's parameter.
        String odi = responses.getString("entry.find { it.resource.questionnaire.endsWith('/odi') }.resource.id");
        assertOutcome(get(s.physician(), "/fhir/RiskAssessment/" + odi), 404);
        assertOutcome(get(s.physician(), "/fhir/RiskAssessment?patient={id}&code=91351-7", s.patientId()), 400);

        // The Questionnaire the responses answer resolves by id and by url|version.
        Response questionnaire = get(s.patient(), "/fhir/Questionnaire/start-back");
        assertThat(questionnaire.statusCode()).isEqualTo(200);
        FhirValidation.assertValid(questionnaire.asString());
        assertThat(json(questionnaire).getList("item.text", String.class)).startsWith("Item 1", "Item 2");
        Response byUrl = given().auth().oauth2(s.patient().token()).accept("application/fhir+json")
                .queryParam("url", "https://backcare.example/fhir/Questionnaire/phq-9|1").get("/fhir/Questionnaire");
        assertThat(json(byUrl).getInt("total")).isEqualTo(1);
        assertThat(json(byUrl).getString("entry[0].resource.version")).isEqualTo("1");
    }
}
