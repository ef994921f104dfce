package org.backcare.patient.export;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.backcare.platform.export.ExportChunk;
import org.backcare.platform.fhir.Fhir;
import org.backcare.patient.fhir.FhirValidation;
import org.backcare.platform.testing.Users;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.patient.testsupport.Api.as;
import static org.backcare.patient.testsupport.Api.registerPatient;
import static org.backcare.patient.testsupport.Api.screening;

/**
 * FHIR Bulk Data export end to end: kick-off, polling, manifest, NDJSON download, _since and _type, cancellation,
 * 429 for an overlapping export, and other callers refused. Where a test needs a job to stay queued it pauses the
 * worker's schedule.
 */
@QuarkusTest
class FhirExportTest {

    private static final String WORKER = "export-worker";

    @Inject
    Scheduler scheduler;

    @AfterEach
    void resumeWorker() {
        scheduler.resume(WORKER);
    }

    static RequestSpecification fhir(Users user) {
        return given().auth().oauth2(user.token()).accept(Fhir.JSON);
    }

    static Response kickOff(Users integrator, String path, Map<String, String> params) {
        return fhir(integrator).header("Prefer", "respond-async").queryParams(params).get(path);
    }

    /** Kicks off and answers the status URL. */
    static String start(Users integrator, String path, Map<String, String> params) {
        Response response = kickOff(integrator, path, params);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        String status = response.header("Content-Location");
        assertThat(status).contains("/fhir/$export-status/");
        return status;
    }

    /** Polls until the manifest is there, checking every 202 on the way. */
    static JsonPath manifest(Users integrator, String status) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Response response = fhir(integrator).get(status);
            if (response.statusCode() == 200) {
                assertThat(response.contentType()).startsWith("application/json");
                return response.jsonPath();
            }
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
            assertThat(response.header("Retry-After")).isNotBlank();
            assertThat(response.header("X-Progress")).isNotBlank();
            Thread.sleep(100);
        }
        throw new AssertionError("the export did not finish in 30 s");
    }

    /** The resources of each output file, by type. */
    static Map<String, List<String>> download(Users integrator, JsonPath manifest) {
        Map<String, List<String>> lines = new HashMap<>();
        List<Map<String, Object>> output = manifest.getList("output");
        for (Map<String, Object> file : output) {
            Response response = given().auth().oauth2(integrator.token()).get((String) file.get("url"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.contentType()).startsWith(Fhir.NDJSON);
            List<String> resources = response.asString().lines().filter(l -> !l.isBlank()).toList();
            assertThat(resources).hasSize(((Number) file.get("count")).intValue());
            lines.put((String) file.get("type"), resources);
        }
        return lines;
    }

    static List<String> ids(List<String> ndjson) {
        List<String> ids = new ArrayList<>();
        for (String line : ndjson == null ? List.<String>of() : ndjson) {
            ids.add(Fhir.json().parseResource(line).getIdElement().getIdPart());
        }
        return ids;
    }

    static String lineOf(List<String> ndjson, String id) {
        return ndjson.stream().filter(l -> ((Resource) Fhir.json().parseResource(l)).getIdElement().getIdPart()
                .equals(id)).findFirst().orElseThrow();
    }

    @Test
    void exportRunsEndToEndAndSinceReturnsOnlyNewerResources() throws InterruptedException {
        Users physician = Users.physician();
        String calm = registerPatient(physician);
        String flagged = registerPatient(physician);
        as(physician).body(screening("fever")).post("/patients/{id}/red-flag-screenings", flagged).then()
                .statusCode(201);
        Users integrator = Users.integrator();

        String status = start(integrator, "/fhir/$export", Map.of());
        JsonPath manifest = manifest(integrator, status);
        assertThat(manifest.getString("transactionTime")).isNotBlank();
        assertThat(manifest.getString("request")).endsWith("/fhir/$export");
        assertThat(manifest.getBoolean("requiresAccessToken")).isTrue();
        assertThat(manifest.getList("error")).isEmpty();
        assertThat(manifest.getList("output.type", String.class)).containsExactly("Patient", "CareTeam", "Flag");

        Map<String, List<String>> files = download(integrator, manifest);
        assertThat(ids(files.get("Patient"))).contains(calm, flagged);
        assertThat(ids(files.get("CareTeam"))).contains(calm, flagged);
        assertThat(ids(files.get("Flag"))).contains(flagged).doesNotContain(calm);
        for (String type : List.of("Patient", "CareTeam", "Flag")) {
            FhirValidation.assertValid(lineOf(files.get(type), flagged));
        }

        // Only what changed after the first export's transaction time comes with _since.
        as(physician).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"phone\": \"+46 70 222 22 22\"}").patch("/patients/{id}", calm).then().statusCode(200);
        String since = start(integrator, "/fhir/$export", Map.of("_since", manifest.getString("transactionTime")));
        JsonPath newer = manifest(integrator, since);
        Map<String, List<String>> changed = download(integrator, newer);
        assertThat(ids(changed.get("Patient"))).containsExactly(calm);
        assertThat(ids(changed.get("CareTeam"))).containsExactly(calm);
        assertThat(changed).doesNotContainKey("Flag");
        assertThat(newer.getString("request")).contains("_since=");
    }

    @Test
    void patientLevelExportWithTypes() throws InterruptedException {
        Users physician = Users.physician();
        String flagged = registerPatient(physician);
        as(physician).body(screening("fever")).post("/patients/{id}/red-flag-screenings", flagged).then()
                .statusCode(201);
        Users integrator = Users.integrator();
        JsonPath manifest = manifest(integrator, start(integrator, "/fhir/Patient/$export",
                Map.of("_type", "Flag,Patient", "_outputFormat", "application/fhir+ndjson")));
        assertThat(manifest.getList("output.type", String.class)).containsExactly("Patient", "Flag");
        assertThat(ids(download(integrator, manifest).get("Flag"))).contains(flagged);
    }

    @Test
    void aSecondOverlappingExportIs429AndCancelFreesTheSlot() throws InterruptedException {
        scheduler.pause(WORKER);
        Users integrator = Users.integrator();
        String status = start(integrator, "/fhir/$export", Map.of());

        Response queued = fhir(integrator).get(status);
        assertThat(queued.statusCode()).isEqualTo(202);
        assertThat(queued.header("Retry-After")).isEqualTo("1");
        assertThat(queued.header("X-Progress")).isEqualTo("queued");

        Response busy = kickOff(integrator, "/fhir/Patient/$export", Map.of());
        outcome(busy, 429);
        assertThat(busy.header("Retry-After")).isNotBlank();
        // The rule is one export in progress per integrator: another integrator is not held up.
        Users other = Users.integrator();
        String othersStatus = start(other, "/fhir/$export", Map.of("_type", "Patient"));

        fhir(integrator).delete(status).then().statusCode(202);
        outcome(fhir(integrator).get(status), 404);
        outcome(fhir(integrator).delete(status), 404);
        String again = start(integrator, "/fhir/$export", Map.of("_type", "CareTeam"));

        scheduler.resume(WORKER);
        assertThat(manifest(integrator, again).getList("output.type", String.class)).containsExactly("CareTeam");
        assertThat(manifest(other, othersStatus).getList("output.type", String.class)).containsExactly("Patient");
    }

    @Test
    void cancellingACompletedExportDeletesItsFiles() throws InterruptedException {
        registerPatient(Users.physician());
        Users integrator = Users.integrator();
        String status = start(integrator, "/fhir/$export", Map.of("_type", "Patient"));
        JsonPath manifest = manifest(integrator, status);
        String url = manifest.getString("output[0].url");
        UUID job = UUID.fromString(status.substring(status.lastIndexOf('/') + 1));
        assertThat(storedChunks(job)).isPositive();

        fhir(integrator).delete(status).then().statusCode(202);
        // The patient data is gone from the database, for every instance at once.
        assertThat(storedChunks(job)).isZero();
        outcome(given().auth().oauth2(integrator.token()).get(url), 404);
        outcome(fhir(integrator).get(status), 404);
    }

    long storedChunks(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> ExportChunk.count("jobId", job));
    }

    @Test
    void onlyTheRequestingIntegratorSeesTheJobAndItsFiles() throws InterruptedException {
        registerPatient(Users.physician());
        Users integrator = Users.integrator();
        String status = start(integrator, "/fhir/$export", Map.of("_type", "Patient"));
        JsonPath manifest = manifest(integrator, status);
        String url = manifest.getString("output[0].url");

        Users other = Users.integrator();
        outcome(fhir(other).get(status), 404);
        outcome(given().auth().oauth2(other.token()).get(url), 404);
        outcome(fhir(other).delete(status), 404);
        outcome(given().get(url), 401);
        for (Users notIntegrator : List.of(Users.admin(), Users.physician(), Users.patient())) {
            outcome(given().auth().oauth2(notIntegrator.token()).get(url), 403);
            outcome(kickOff(notIntegrator, "/fhir/$export", Map.of()), 403);
        }
        outcome(given().accept(Fhir.JSON).header("Prefer", "respond-async").get("/fhir/$export"), 401);
        // Still there for its owner.
        given().auth().oauth2(integrator.token()).get(url).then().statusCode(200);
        String unknownFile = url.substring(0, url.lastIndexOf('/')) + "/..%2F..%2Fpom.xml";
        assertThat(given().auth().oauth2(integrator.token()).get(unknownFile).statusCode()).isEqualTo(404);
    }

    /** Clients send the operation's $ as is or percent-encoded: both reach it. */
    @Test
    void theOperationNameMayBeSentWithOrWithoutPercentEncoding() {
        Users integrator = Users.integrator();
        Response raw = given().urlEncodingEnabled(false).auth().oauth2(integrator.token())
                .header("Prefer", "respond-async").get("/fhir/$export?_type=Patient");
        assertThat(raw.statusCode()).as(raw.asString()).isEqualTo(202);
        String status = raw.header("Content-Location");
        given().urlEncodingEnabled(false).auth().oauth2(integrator.token()).delete(status).then().statusCode(202);
        Response encoded = given().urlEncodingEnabled(false).auth().oauth2(integrator.token())
                .header("Prefer", "respond-async").get("/fhir/%24export?_type=Patient");
        assertThat(encoded.statusCode()).as(encoded.asString()).isEqualTo(202);
        fhir(integrator).delete(encoded.header("Content-Location")).then().statusCode(202);
    }

    @Test
    void badKickOffsAre400OperationOutcomes() {
        Users integrator = Users.integrator();
        outcome(fhir(integrator).get("/fhir/$export"), 400);
        outcome(kickOff(integrator, "/fhir/$export", Map.of("_type", "Observation")), 400);
        outcome(kickOff(integrator, "/fhir/$export", Map.of("_since", "yesterday")), 400);
        outcome(kickOff(integrator, "/fhir/$export", Map.of("_outputFormat", "text/csv")), 400);
        outcome(kickOff(integrator, "/fhir/$export", Map.of("_typeFilter", "Patient?active=true")), 400);
        outcome(fhir(integrator).get("/fhir/$export-status/not-a-job"), 404);
    }

    static OperationOutcome outcome(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Fhir.JSON);
        String body = response.asString();
        FhirValidation.assertValid(body);
        OperationOutcome outcome = Fhir.json().parseResource(OperationOutcome.class, body);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank();
        return outcome;
    }
}
