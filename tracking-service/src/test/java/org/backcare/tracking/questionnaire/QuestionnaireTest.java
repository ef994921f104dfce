package org.backcare.tracking.questionnaire;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.backcare.platform.testing.Users;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.tracking.testsupport.PatientEvents.TestPatient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * The scored instruments over HTTP: the catalogue, recording and listing PHQ-9, STarT Back and GAD-7 results, the
 * ODI's access rules applied to them, and answers that cannot be scored (400 naming the item, nothing stored).
 */
@QuarkusTest
class QuestionnaireTest {

    private static final String RESULTS = "/patients/{id}/questionnaires/{instrument}";

    /** One patient with a full team, and another patient whose team the "other" callers are on. */
    private record Fixture(TestPatient own, TestPatient other) {

        static Fixture create() {
            TestPatient own = PatientEvents.registered(Users.patient(), List.of(), "mechanical",
                    Users.physician(), Users.physicalTherapist(), Users.psychologist());
            TestPatient other = PatientEvents.registered(Users.patient(), List.of(), "mechanical",
                    Users.physician(), Users.physicalTherapist(), Users.psychologist());
            return new Fixture(own, other);
        }

        Users caller(String who) {
            return switch (who) {
                case "patient" -> own.patient();
                case "physician" -> own.team().get(0);
                case "physical-therapist" -> own.team().get(1);
                case "psychologist" -> own.team().get(2);
                case "other-patient" -> other.patient();
                case "other-physician" -> other.team().get(0);
                case "other-psychologist" -> other.team().get(2);
                case "admin" -> Users.admin();
                case "integrator" -> Users.integrator();
                case "no-role" -> Users.of("guest");
                default -> throw new IllegalArgumentException(who);
            };
        }
    }

    private static Fixture shared;

    private static synchronized Fixture shared() {
        if (shared == null) {
            shared = Fixture.create();
        }
        return shared;
    }

    private static Map<String, Object> answers(Integer... answers) {
        return Map.of("answers", Arrays.asList(answers));
    }

    private static Response post(Users user, UUID patient, String instrument, Object body) {
        return as(user).body(body).post(RESULTS, patient, instrument);
    }

    private static int total(UUID patient, String instrument) {
        return as(Users.admin()).get(RESULTS, patient, instrument).then().statusCode(200).extract().path("total");
    }

    // --- the catalogue ---

    @Test
    void theCatalogueListsTheDefinitionsWithTextsOnlyForPhq9AndGad7() {
        JsonPath catalogue = as(Users.patient()).get("/questionnaires").then().statusCode(200).extract().jsonPath();
        assertThat(catalogue.getList("id", String.class)).containsExactlyElementsOf(Instruments.ids());
        String phq = "find { it.id == 'phq-9' }";
        assertThat(catalogue.getInt(phq + ".itemCount")).isEqualTo(9);
        assertThat(catalogue.getString(phq + ".version")).isEqualTo("1");
        assertThat(catalogue.getBoolean(phq + ".textsIncluded")).isTrue();
        assertThat(catalogue.getString(phq + ".items[8].text")).contains("better off dead");
        assertThat(catalogue.getList(phq + ".answerLabels", String.class)).hasSize(4);
        assertThat(catalogue.getList(phq + ".bands.code", String.class))
                .containsExactly("minimal", "mild", "moderate", "moderately-severe", "severe");
        assertThat(catalogue.getInt(phq + ".bands[2].minScore")).isEqualTo(10);
        assertThat(catalogue.getInt(phq + ".missingItems.maxMissing")).isEqualTo(2);
        assertThat(catalogue.getList(phq + ".missingItems.required", Integer.class)).containsExactly(9);
        assertThat(catalogue.getString(phq + ".flags[0].code")).isEqualTo("self-harm");
        assertThat(catalogue.getInt(phq + ".mcid.points")).isEqualTo(5);
        assertThat(catalogue.getString("find { it.id == 'gad-7' }.items[0].text")).isNotBlank();
        for (String copyrighted : List.of("start-back", "pcs", "tsk-11", "pseq")) {
            String it = "find { it.id == '" + copyrighted + "' }";
            assertThat(catalogue.getBoolean(it + ".textsIncluded")).as(copyrighted).isFalse();
            assertThat(catalogue.getList(it + ".items.text")).as(copyrighted).containsOnlyNulls();
            assertThat(catalogue.getString(it + ".prompt")).as(copyrighted).isNull();
        }
        String sbst = "find { it.id == 'start-back' }";
        assertThat(catalogue.getList(sbst + ".items[8].points", Integer.class)).containsExactly(0, 0, 0, 1, 1);
        assertThat(catalogue.getInt(sbst + ".items[0].max")).isEqualTo(1);
        assertThat(catalogue.getString(sbst + ".bands[2].code")).isEqualTo("high");
        assertThat(catalogue.getString(sbst + ".bands[2].subscale")).isEqualTo("psychosocial");
        assertThat(catalogue.getInt(sbst + ".bands[2].subscaleMin")).isEqualTo(4);
        assertThat(catalogue.getInt("find { it.id == 'pcs' }.mcid.percent")).isEqualTo(38);
        assertThat(catalogue.getInt("find { it.id == 'tsk-11' }.minScore")).isEqualTo(11);
        assertThat(catalogue.getBoolean("find { it.id == 'pseq' }.higherIsWorse")).isFalse();

        given().get("/questionnaires").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentEnumeratesTheInstrumentsAndShowsExampleAnswers() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String path = "paths.'/patients/{patientId}/questionnaires/{instrument}'";
        assertThat(doc.getList(path + ".post.parameters.find { it.name == 'instrument' }.schema.enum", String.class))
                .containsExactlyElementsOf(Instruments.ids());
        assertThat(doc.getList(path + ".get.parameters.find { it.name == 'instrument' }.schema.enum", String.class))
                .containsExactlyElementsOf(Instruments.ids());
        assertThat(doc.getMap(path + ".post.requestBody.content.'application/json'.examples"))
                .containsKeys("phq-9", "start-back");
        assertThat(doc.getString("paths.'/patients/{patientId}/questionnaires/odi'.post.operationId"))
                .isEqualTo("recordOdi");
    }

    // --- recording and listing ---

    @Test
    void aPhq9IsScoredBandedFlaggedAndListedNewestFirst() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        // 1+2+0+1+1+0+2+1+0 = 8: mild
        post(patientLogin, patient.id(), "phq-9", answers(1, 2, 0, 1, 1, 0, 2, 1, 0)).then().statusCode(201)
                .body("instrument", equalTo("phq-9")).body("version", equalTo("1"))
                .body("score", equalTo(8)).body("answered", equalTo(9)).body("prorated", equalTo(false))
                .body("band.code", equalTo("mild")).body("flags", equalTo(List.of()))
                .body("subscales", equalTo(List.of()));
        // 3+3+2+2+2+1+1+1+1 = 16, item 9 above 0
        JsonPath flagged = post(patientLogin, patient.id(), "phq-9", answers(3, 3, 2, 2, 2, 1, 1, 1, 1))
                .then().statusCode(201).extract().jsonPath();
        assertThat(flagged.getInt("score")).isEqualTo(16);
        assertThat(flagged.getString("band.code")).isEqualTo("moderately-severe");
        assertThat(flagged.getString("band.label")).isEqualTo("Moderately severe");
        assertThat(flagged.getList("flags", String.class)).containsExactly("self-harm");
        // item 8 skipped: 14 over 8 answered, 14 × 9 / 8 = 15.75 → 16
        post(patient.team().get(0), patient.id(), "phq-9", answers(2, 2, 2, 2, 2, 2, 2, null, 0)).then().statusCode(201)
                .body("score", equalTo(16)).body("answered", equalTo(8)).body("prorated", equalTo(true))
                .body("answers[7]", equalTo(null)).body("flags", equalTo(List.of()));

        JsonPath page = as(patientLogin).get(RESULTS, patient.id(), "phq-9").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getList("items.score", Integer.class)).containsExactly(16, 16, 8);
        assertThat(page.getList("items.prorated", Boolean.class)).containsExactly(true, false, false);
        assertThat(page.getList("items[1].flags", String.class)).containsExactly("self-harm");
        assertThat(page.getList("items[2].answers", Integer.class)).containsExactly(1, 2, 0, 1, 1, 0, 2, 1, 0);
        as(patientLogin).queryParam("size", 1).queryParam("page", 2).get(RESULTS, patient.id(), "phq-9").then()
                .statusCode(200).body("items.score", equalTo(List.of(8))).body("totalPages", equalTo(3));

        // each instrument lists its own results only, and the ODI's endpoints are untouched
        assertThat(total(patient.id(), "gad-7")).isZero();
        as(patientLogin).body(Map.of("answers", Collections.nCopies(10, 2))).post(RESULTS, patient.id(), "odi")
                .then().statusCode(201).body("score", equalTo(40.0f)).body("baseline", equalTo(true));
        as(patientLogin).get(RESULTS, patient.id(), "odi").then().statusCode(200).body("total", equalTo(1));
        assertThat(total(patient.id(), "phq-9")).isEqualTo(3);

        JsonPath timeline = as(patientLogin).queryParam("kind", "questionnaire").get("/patients/{id}/timeline", patient.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("items.summary.kind", String.class)).containsExactly("odi", "phq-9", "phq-9", "phq-9");
        assertThat(timeline.getString("items[1].summary.band")).isEqualTo("moderately-severe");
    }

    @ParameterizedTest(name = "{0}: total {1}, psychosocial {2}, {3}")
    @CsvSource(delimiter = '|', value = {
            "1 1 0 0 0 0 0 0 4 | 3 | 1 | low",
            "1 0 1 1 0 1 1 0 3 | 6 | 3 | medium",
            "1 0 1 1 1 1 1 0 3 | 7 | 4 | high",
            "0 0 0 0 1 1 1 0 2 | 3 | 3 | low"
    })
    void aStartBackIsStratified(String answers, int total, int psychosocial, String stratum) {
        Fixture f = shared();
        List<Integer> values = Arrays.stream(answers.split(" ")).map(Integer::valueOf).toList();
        JsonPath result = post(f.caller("psychologist"), f.own().id(), "start-back", Map.of("answers", values))
                .then().statusCode(201).extract().jsonPath();
        assertThat(result.getInt("score")).isEqualTo(total);
        assertThat(result.getString("subscales[0].code")).isEqualTo("psychosocial");
        assertThat(result.getInt("subscales[0].score")).isEqualTo(psychosocial);
        assertThat(result.getString("band.code")).isEqualTo(stratum);
        String id = result.getString("id");
        JsonPath page = as(f.caller("patient")).queryParam("size", 100).get(RESULTS, f.own().id(), "start-back")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("items.find { it.id == '" + id + "' }.band.code")).isEqualTo(stratum);
    }

    @Test
    void aGad7WithOneItemSkippedIsProrated() {
        Fixture f = shared();
        // 2+1+2+1+0+1 = 7 over 6 answered: 7 × 7 / 6 = 8.17 → 8
        post(f.caller("patient"), f.own().id(), "gad-7", answers(2, 1, 2, 1, null, 0, 1)).then().statusCode(201)
                .body("score", equalTo(8)).body("prorated", equalTo(true)).body("band.code", equalTo("mild"));
    }

    // --- access: as the ODI's ---

    @ParameterizedTest(name = "{0} records {1}")
    @CsvSource({
            "patient, 201", "physician, 201", "physical-therapist, 201", "psychologist, 201",
            "other-patient, 404", "other-physician, 404", "other-psychologist, 404",
            "admin, 403", "integrator, 403", "no-role, 403"
    })
    void whoMayRecord(String who, int status) {
        Fixture f = shared();
        int before = total(f.own().id(), "phq-9");
        Response response = post(f.caller(who), f.own().id(), "phq-9", answers(0, 1, 0, 1, 0, 1, 0, 1, 0));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(total(f.own().id(), "phq-9")).isEqualTo(status == 201 ? before + 1 : before);
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
            "patient, 200", "physician, 200", "physical-therapist, 200", "psychologist, 200",
            "admin, 200", "integrator, 200",
            "other-patient, 404", "other-physician, 404", "other-psychologist, 404", "no-role, 404"
    })
    void whoMayRead(String who, int status) {
        Fixture f = shared();
        Response response = as(f.caller(who)).get(RESULTS, f.own().id(), "start-back");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    }

    @Test
    void anUnknownPatientIs404AndNoTokenIs401() {
        UUID unknown = UUID.randomUUID();
        post(Users.physician(), unknown, "phq-9", answers(0, 0, 0, 0, 0, 0, 0, 0, 0)).then().statusCode(404)
                .contentType("application/problem+json");
        as(Users.admin()).get(RESULTS, unknown, "phq-9").then().statusCode(404);
        Fixture f = shared();
        given().contentType(ContentType.JSON).body(answers(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .post(RESULTS, f.own().id(), "phq-9").then().statusCode(401).contentType("application/problem+json");
        given().get(RESULTS, f.own().id(), "phq-9").then().statusCode(401);
    }

    // --- answers that cannot be scored: 400 naming the field, nothing stored ---

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "phq-9      | 0 1 0 4 0 0 0 0 0   | answers[3] | item 4 of the Patient Health Questionnaire (PHQ-9) must be 0..3, was 4",
            "phq-9      | 0 1 0 1 0 0 0 0     | answers    | has 9 items",
            "phq-9      | 0 1 0 1 0 0 0 0 0 0 | answers    | got 10",
            "phq-9      | 0 - - - 0 0 0 0 0   | answers    | at most 2 may be missing",
            "phq-9      | 1 1 1 1 1 1 1 1 -   | answers[8] | item 9 of the Patient Health Questionnaire (PHQ-9) must be answered",
            "phq-9      | 0 1 0 1 0 0 0 0 -1  | answers[8] | was -1",
            "start-back | 1 0 1 1 0 1 1 0 5   | answers[8] | 0..4, was 5",
            "start-back | 2 0 1 1 0 1 1 0 3   | answers[0] | item 1 of the STarT Back Screening Tool must be 0..1",
            "start-back | 1 0 1 1 - 1 1 0 3   | answers    | every item must be answered",
            "gad-7      | 1 - 1 1 - 1 1       | answers    | at most 1 may be missing",
            "pcs        | 1 2 3 4 0 1 2 3 4 0 1 2 5 | answers[12] | item 13",
            "tsk-11     | 1 1 1 1 1 1 1 1 1 1 0 | answers[10] | 1..4, was 0",
            "pseq       | 6 5 4 3 2 1 0 6 5 7 | answers[9] | 0..6, was 7"
    })
    void unscorableAnswersAre400NamingTheItem(String instrument, String answers, String field, String detail) {
        Fixture f = shared();
        List<Integer> values = Arrays.stream(answers.trim().split("\\s+"))
                .map(a -> a.equals("-") ? null : Integer.valueOf(a)).toList();
        Map<String, Object> body = new HashMap<>();
        body.put("answers", values);
        rejected(f, instrument, body, field, detail);
    }

    @Test
    void malformedBodiesAre400NamingTheField() {
        Fixture f = shared();
        rejected(f, "phq-9", Map.of(), "answers", "answers");
        Map<String, Object> nullAnswers = new HashMap<>();
        nullAnswers.put("answers", null);
        rejected(f, "phq-9", nullAnswers, "answers", "answers");
        rejected(f, "phq-9", Map.of("answers", List.of("0", "1", "0", "1", "0", "0", "0", "0", "0")), "answers", "answers");
        rejected(f, "phq-9", Map.of("answers", List.of(0, 1.5, 0, 1, 0, 0, 0, 0, 0)), "answers", "answers");
        rejected(f, "phq-9", Map.of("answers", List.of(0, 1, 0, 1, 0, 0, 0, 0, 0), "score", 2), "score", "score");
    }

    private static void rejected(Fixture f, String instrument, Object body, String field, String detail) {
        int before = total(f.own().id(), instrument);
        Response response = post(f.caller("patient"), f.own().id(), instrument, body);
        String what = instrument + " " + body + " answered " + response.statusCode() + " " + response.asString();
        assertThat(response.statusCode()).as(what).isEqualTo(400);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).as(what)
                .anySatisfy(named -> assertThat(named).matches(java.util.regex.Pattern.quote(field) + "(\\[\\d+])?"));
        if (field.contains("[")) {
            assertThat(response.jsonPath().getList("errors.field", String.class)).as(what).contains(field);
        }
        assertThat(response.jsonPath().getString("detail")).as(what).contains(detail);
        assertThat(total(f.own().id(), instrument)).as(what + ": nothing stored").isEqualTo(before);
    }

    @Test
    void anUnknownInstrumentIs404ListingTheKnownOnes() {
        Fixture f = shared();
        for (String unknown : List.of("phq9", "PHQ-9", "bdi-ii")) {
            Response response = post(f.caller("patient"), f.own().id(), unknown, answers(0, 0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(response.statusCode()).as(unknown).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("detail")).contains("'" + unknown + "'").contains("phq-9, gad-7");
            as(f.caller("patient")).get(RESULTS, f.own().id(), unknown).then().statusCode(404);
        }
        RequestSpecification patient = as(f.caller("patient"));
        patient.body(answers(0, 0, 0, 0, 0, 0, 0, 0, 0)).post(RESULTS, "not-a-uuid", "phq-9").then().statusCode(400)
                .body("errors[0].field", equalTo("patientId"));
    }
}
