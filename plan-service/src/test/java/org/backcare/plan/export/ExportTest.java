package org.backcare.plan.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.backcare.platform.export.ExportWorker;
import org.backcare.platform.fhir.Fhir;
import org.backcare.plan.fhir.FhirPlans;
import org.backcare.plan.fhir.FhirPlans.TestPlan;
import org.backcare.plan.fhir.FhirValidation;
import org.backcare.platform.testing.Users;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.fhir.FhirPlans.fhir;
import static org.backcare.plan.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Bulk Data $export end to end: kick-off, polling, manifest, download, _since and _type, cancellation, one export
 * at a time per integrator, and files for their integrator only. The worker is run by the test (its schedule is off
 * in tests) so each state can be observed.
 */
@QuarkusTest
class ExportTest {

    @Inject
    ExportWorker worker;

    private static Response kickOff(Users integrator, String path, Map<String, String> params) {
        return fhir(integrator).header("Prefer", "respond-async").queryParams(params).get(path);
    }

    private static String statusUrl(Response kickOff) {
        kickOff.then().statusCode(202).header("Content-Location", notNullValue());
        return kickOff.header("Content-Location");
    }

    /** Every line of a downloaded file, parsed; each one is validated. */
    private static List<IBaseResource> download(Users integrator, String url, String type) {
        Response file = fhir(integrator).accept(Fhir.NDJSON).get(url);
        file.then().statusCode(200).contentType(startsWith(Fhir.NDJSON));
        List<IBaseResource> resources = new ArrayList<>();
        for (String line : file.asString().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            IBaseResource resource = Fhir.json().parseResource(line);
            assertThat(resource.fhirType()).isEqualTo(type);
            resources.add(resource);
        }
        return resources;
    }

    private static List<String> ids(List<IBaseResource> resources) {
        return resources.stream().map(r -> r.getIdElement().getIdPart()).toList();
    }

    @Test
    void aSystemExportRunsFromKickOffToDownload() {
        TestPlan plan = FhirPlans.activePlan();
        // Clinical notes are clinician-facing: a note on the record must not leave in any export file.
        as(plan.physician()).body(Map.of("kind", "progress-note", "text", "Note-not-for-export 7f3a"))
                .post("/patients/{id}/notes", plan.patient().id()).then().statusCode(201);
        Users integrator = Users.integrator();
        Response accepted = kickOff(integrator, "/fhir/$export", Map.of());
        String status = statusUrl(accepted);
        assertThat(status).contains("/fhir/$export-status/");

        fhir(integrator).get(status).then().statusCode(202)
                .header("Retry-After", "1").header("X-Progress", notNullValue());
        Response again = kickOff(integrator, "/fhir/$export", Map.of());
        again.then().statusCode(429).header("Retry-After", notNullValue()).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("throttled"));
        kickOff(integrator, "/fhir/Patient/$export", Map.of()).then().statusCode(429);
        Users other = Users.integrator();
        fhir(other).get(status).then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));

        assertThat(worker.runQueued()).isGreaterThanOrEqualTo(1);
        Response done = fhir(integrator).get(status);
        done.then().statusCode(200).contentType(startsWith("application/json"))
                .body("requiresAccessToken", equalTo(true))
                .body("request", startsWith("http"))
                .body("error.size()", equalTo(0));
        JsonPath manifest = done.jsonPath();
        assertThat(Instant.parse(manifest.getString("transactionTime"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(manifest.getString("request")).contains("/fhir/$export");
        Map<String, String> files = new HashMap<>();
        for (Map<String, Object> output : manifest.<Map<String, Object>>getList("output")) {
            files.put((String) output.get("type"), (String) output.get("url"));
            assertThat(((Number) output.get("count")).intValue()).isPositive();
        }
        assertThat(files).containsOnlyKeys("CarePlan", "Goal", "MedicationRequest");
        files.values().forEach(url -> assertThat(fhir(integrator).accept(Fhir.NDJSON).get(url).asString())
                .doesNotContain("Note-not-for-export"));

        List<IBaseResource> carePlans = download(integrator, files.get("CarePlan"), "CarePlan");
        List<IBaseResource> goals = download(integrator, files.get("Goal"), "Goal");
        List<IBaseResource> requests = download(integrator, files.get("MedicationRequest"), "MedicationRequest");
        assertThat(ids(carePlans)).contains(plan.planId());
        assertThat(ids(goals)).contains(plan.planId() + "-goal-0", plan.planId() + "-goal-1");
        assertThat(ids(requests)).containsAll(plan.prescriptionIds());
        for (List<IBaseResource> resources : List.of(carePlans, goals, requests)) {
            resources.stream().filter(r -> r.getIdElement().getIdPart().startsWith(plan.planId())
                            || plan.prescriptionIds().contains(r.getIdElement().getIdPart()))
                    .forEach(FhirValidation::assertValid);
        }

        fhir(other).accept(Fhir.NDJSON).get(files.get("CarePlan")).then().statusCode(404);
        fhir(plan.physician()).accept(Fhir.NDJSON).get(files.get("CarePlan")).then().statusCode(403);
        fhir(integrator).accept(Fhir.NDJSON).get(status.replace("$export-status", "$export-file") + "/..%2F..%2Fetc")
                .then().statusCode(404);

        // The export is over: a new one may start.
        statusUrl(kickOff(integrator, "/fhir/Patient/$export", Map.of()));
        worker.runQueued();
    }

    @Test
    void sinceAndTypeExportOnlyNewerResourcesOfTheseTypes() throws InterruptedException {
        TestPlan older = FhirPlans.activePlan();
        Thread.sleep(20);
        Instant since = Instant.now();
        Thread.sleep(20);
        TestPlan newer = FhirPlans.activePlan();
        Users integrator = Users.integrator();
        String status = statusUrl(kickOff(integrator, "/fhir/Patient/$export",
                Map.of("_since", since.toString(), "_type", "CarePlan,MedicationRequest",
                        "_outputFormat", "application/fhir+ndjson")));
        worker.runQueued();
        JsonPath manifest = fhir(integrator).get(status).then().statusCode(200).extract().jsonPath();
        Map<String, String> files = new HashMap<>();
        for (Map<String, Object> output : manifest.<Map<String, Object>>getList("output")) {
            files.put((String) output.get("type"), (String) output.get("url"));
        }
        assertThat(files).containsOnlyKeys("CarePlan", "MedicationRequest");
        List<String> carePlans = ids(download(integrator, files.get("CarePlan"), "CarePlan"));
        assertThat(carePlans).contains(newer.planId()).doesNotContain(older.planId());
        List<String> requests = ids(download(integrator, files.get("MedicationRequest"), "MedicationRequest"));
        assertThat(requests).containsAll(newer.prescriptionIds()).doesNotContainAnyElementsOf(older.prescriptionIds());
    }

    @Test
    void anExportCanBeCancelledAndItsFilesGoWithIt() {
        FhirPlans.activePlan();
        Users integrator = Users.integrator();
        String queued = statusUrl(kickOff(integrator, "/fhir/$export", Map.of()));
        fhir(Users.integrator()).delete(queued).then().statusCode(404);
        fhir(integrator).delete(queued).then().statusCode(202);
        fhir(integrator).get(queued).then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
        fhir(integrator).delete(queued).then().statusCode(404);
        worker.runQueued();
        fhir(integrator).get(queued).then().statusCode(404);

        // Cancelled, it no longer counts: the next export starts, completes, and is cancelled with its files.
        String completed = statusUrl(kickOff(integrator, "/fhir/$export", Map.of("_type", "CarePlan")));
        worker.runQueued();
        String file = fhir(integrator).get(completed).then().statusCode(200).extract().path("output[0].url");
        fhir(integrator).accept(Fhir.NDJSON).get(file).then().statusCode(200);
        fhir(integrator).delete(completed).then().statusCode(202);
        fhir(integrator).accept(Fhir.NDJSON).get(file).then().statusCode(404);
    }

    @Test
    void finishedExportsExpireWithTheirFiles() {
        FhirPlans.activePlan();
        Users integrator = Users.integrator();
        String status = statusUrl(kickOff(integrator, "/fhir/$export", Map.of("_type", "Goal")));
        worker.runQueued();
        String file = fhir(integrator).get(status).then().statusCode(200).extract().path("output[0].url");
        assertThat(worker.expireFinishedBefore(Instant.now().minusSeconds(3600))).isZero();
        fhir(integrator).accept(Fhir.NDJSON).get(file).then().statusCode(200);
        assertThat(worker.expireFinishedBefore(Instant.now().plusSeconds(1))).isPositive();
        fhir(integrator).get(status).then().statusCode(404);
        fhir(integrator).accept(Fhir.NDJSON).get(file).then().statusCode(404);
    }

    @Test
    void badKickOffsAnswerOperationOutcomes() {
        Users integrator = Users.integrator();
        fhir(integrator).get("/fhir/$export").then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
        kickOff(integrator, "/fhir/$export", Map.of("_type", "Patient")).then().statusCode(400)
                .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("_type"));
        kickOff(integrator, "/fhir/$export", Map.of("_outputFormat", "text/csv")).then().statusCode(400);
        kickOff(integrator, "/fhir/$export", Map.of("_since", "yesterday")).then().statusCode(400);
        kickOff(integrator, "/fhir/$export", Map.of("_typeFilter", "CarePlan?status=active")).then().statusCode(400)
                .body("issue[0].code", equalTo("not-supported"));
        kickOff(Users.physician(), "/fhir/$export", Map.of()).then().statusCode(403)
                .body("resourceType", equalTo("OperationOutcome"));
        kickOff(Users.admin(), "/fhir/Patient/$export", Map.of()).then().statusCode(403);
        io.restassured.RestAssured.given().header("Prefer", "respond-async").get("/fhir/$export").then().statusCode(401);
        fhir(integrator).get("/fhir/$export-status/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }
}
