package org.backcare.tracking.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.backcare.platform.export.ExportChunk;
import org.backcare.platform.export.ExportFile;
import org.backcare.platform.export.ExportJob;
import org.backcare.platform.export.ExportStatus;
import org.backcare.platform.export.ExportWorker;
import org.backcare.tracking.fhir.FhirValidation;
import org.backcare.tracking.testsupport.Api;
import org.backcare.tracking.testsupport.Awaiting;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;

/** FHIR Bulk Data $export end to end: kick-off, poll, manifest, download, _since, _type, cancel, 429, ownership. */
@QuarkusTest
class ExportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Scheduler scheduler;
    @Inject
    ExportWorker worker;

    /** Stores a job as a worker would have left it, for the take-over and retention tests. */
    static ExportJob storedJob(Users integrator, ExportStatus status, String types, Instant finishedAt,
                               List<ExportFile> outputs) {
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.requestedBy = integrator.subject();
        job.kind = "system";
        job.types = types;
        job.request = "http://localhost/fhir/$export?_type=" + types;
        job.status = status;
        job.transactionTime = Instant.now();
        job.createdAt = job.transactionTime.minusSeconds(1);
        job.progress = status.name().toLowerCase();
        job.outputs = outputs;
        job.finishedAt = finishedAt;
        job.runId = UUID.randomUUID();
        if (status == ExportStatus.RUNNING) {
            // Its instance stopped a minute ago: the lease ran out.
            job.attempts = 1;
            job.startedAt = job.createdAt;
            job.leaseUntil = Instant.now().minusSeconds(60);
        }
        QuarkusTransaction.requiringNew().run(job::persist);
        return job;
    }

    /** Stores one chunk of a job's file, as a run of that job would have. */
    static void storedChunk(ExportJob job, UUID runId, String line) {
        ExportChunk chunk = new ExportChunk();
        chunk.jobId = job.id;
        chunk.runId = runId;
        chunk.fileName = "MedicationStatement.ndjson";
        chunk.seq = 0;
        chunk.data = (line + "\n").getBytes(StandardCharsets.UTF_8);
        QuarkusTransaction.requiringNew().run(chunk::persist);
    }

    static long chunks(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> ExportChunk.count("jobId", job));
    }

    static ExportJob stored(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(job));
    }

    static ExportStatus status(UUID job) {
        return stored(job).status;
    }

    static Response kickOff(Users integrator, String query) {
        return given().auth().oauth2(integrator.token()).header("Prefer", "respond-async")
                .accept("application/fhir+json").get("/fhir/$export" + query);
    }

    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath();
    }

    static Response poll(Users integrator, String statusUrl) {
        return given().auth().oauth2(integrator.token()).urlEncodingEnabled(false).get(path(statusUrl));
    }

    /** Polls until the manifest is there (checking 202 answers on the way). */
    static JsonPath manifest(Users integrator, String statusUrl) {
        return manifest(integrator, statusUrl, Duration.ofSeconds(60));
    }

    static JsonPath manifest(Users integrator, String statusUrl, Duration timeout) {
        Response[] last = new Response[1];
        Awaiting.until(() -> {
            last[0] = poll(integrator, statusUrl);
            if (last[0].statusCode() == 202) {
                assertThat(last[0].header("Retry-After")).isNotBlank();
                assertThat(last[0].header("X-Progress")).isNotBlank();
            }
            return last[0].statusCode() != 202;
        }, timeout, "export " + statusUrl);
        assertThat(last[0].statusCode()).as(last[0].asString()).isEqualTo(200);
        assertThat(last[0].contentType()).startsWith("application/json");
        return JsonPath.from(last[0].asString());
    }

    static Response download(Users integrator, String url) {
        return given().auth().oauth2(integrator.token()).urlEncodingEnabled(false).get(path(url));
    }

    static PatientEvents.TestPatient patientWithData() {
        Users physician = Users.physician();
        PatientEvents.TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", physician);
        Api.checkIn(p.patient(), p.id(), TODAY.minusDays(2), Api.checkIn(6));
        as(physician).body(Map.of("answers", Arrays.asList(2, 1, 3, 2, 2, 1, null, 2, 1, 2)))
                .post("/patients/{id}/questionnaires/odi", p.id()).then().statusCode(201);
        // Medium risk: total 5, psychosocial 2.
        as(physician).body(Map.of("answers", List.of(1, 1, 1, 0, 1, 0, 1, 0, 0)))
                .post("/patients/{id}/questionnaires/start-back", p.id()).then().statusCode(201);
        as(p.patient()).body(Map.of("takenAt", Instant.now().minusSeconds(60).toString(), "drug", "ibuprofen",
                "dose", 400, "unit", "mg", "sideEffects", List.of())).post("/patients/{id}/medication-intakes", p.id())
                .then().statusCode(201);
        return p;
    }

    /** The lines of one NDJSON file that concern this patient. */
    static List<String> linesOf(Response file, UUID patientId) {
        return file.asString().lines().filter(l -> l.contains("\"Patient/" + patientId + "\"")).toList();
    }

    @Test
    void exportKickOffPollManifestDownloadAndSince() {
        PatientEvents.TestPatient p = patientWithData();
        Users integrator = Users.integrator();

        Response accepted = kickOff(integrator, "");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String status = accepted.header("Content-Location");
        assertThat(status).contains("/fhir/$export-status/");

        JsonPath manifest = manifest(integrator, status);
        assertThat(manifest.getString("transactionTime")).isNotBlank();
        assertThat(manifest.getString("request")).endsWith("/fhir/$export");
        assertThat(manifest.getBoolean("requiresAccessToken")).isTrue();
        assertThat(manifest.getList("error")).isEmpty();
        assertThat(manifest.getList("output.type", String.class))
                .containsExactly("Observation", "QuestionnaireResponse", "MedicationStatement", "RiskAssessment");

        for (Map<String, Object> output : manifest.<Map<String, Object>>getList("output")) {
            String url = (String) output.get("url");
            Response file = download(integrator, url);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.contentType()).startsWith("application/fhir+ndjson");
            assertThat(file.asString().lines().count()).isEqualTo(((Number) output.get("count")).longValue());
            List<String> mine = linesOf(file, p.id());
            int expected = switch ((String) output.get("type")) {
                case "Observation" -> 6 + 1 + 1;
                case "QuestionnaireResponse" -> 2;
                default -> 1;
            };
            assertThat(mine).as(output.get("type") + " of the patient").hasSize(expected);
            if (output.get("type").equals("RiskAssessment")) {
                JsonPath risk = JsonPath.from(mine.get(0));
                assertThat(risk.getString("prediction[0].qualitativeRisk.coding[0].code")).isEqualTo("moderate");
                assertThat(risk.getList("basis.reference", String.class)).hasSize(2);
            }
            for (String line : mine) {
                assertThat(JsonPath.from(line).getString("resourceType")).isEqualTo(output.get("type"));
                FhirValidation.assertValid(line);
            }
            // Only the integrator who started the export may download it.
            Response stolen = download(Users.integrator(), url);
            assertThat(stolen.statusCode()).isEqualTo(404);
            assertThat(JsonPath.from(stolen.asString()).getString("resourceType")).isEqualTo("OperationOutcome");
            assertThat(download(p.patient(), url).statusCode()).isEqualTo(403);
        }
        assertThat(poll(Users.integrator(), status).statusCode()).isEqualTo(404);
        // A file or job name with a NUL byte or other junk is simply not there (404), never a server error.
        String fileUrl = path(manifest.getString("output[0].url"));
        String jobUrl = fileUrl.substring(0, fileUrl.lastIndexOf('/'));
        for (String junk : List.of(fileUrl + "%00", jobUrl + "/Observation%00.ndjson", jobUrl + "%00/Observation.ndjson",
                status.replaceAll("^https?://[^/]+", "") + "%00")) {
            Response refused = given().auth().oauth2(integrator.token()).urlEncodingEnabled(false).get(junk);
            assertThat(refused.statusCode()).as(junk + ": " + refused.asString()).isEqualTo(404);
            assertThat(JsonPath.from(refused.asString()).getString("resourceType")).isEqualTo("OperationOutcome");
        }

        // _since the first export's transactionTime: only what changed afterwards.
        String since = manifest.getString("transactionTime");
        Api.checkIn(p.patient(), p.id(), TODAY.minusDays(1), Api.checkIn(3));
        JsonPath newer = manifest(integrator, kickOff(integrator, "?_type=Observation&_since=" + since)
                .then().statusCode(202).extract().header("Content-Location"));
        assertThat(newer.getList("output.type", String.class)).containsExactly("Observation");
        Response file = download(integrator, newer.getString("output[0].url"));
        for (String line : file.asString().lines().toList()) {
            JsonPath r = JsonPath.from(line);
            assertThat(Instant.parse(r.getString("meta.lastUpdated").replace("+00:00", "Z")))
                    .isAfter(Instant.parse(since));
        }
        List<String> mine = linesOf(file, p.id());
        assertThat(mine).hasSize(6);
        assertThat(mine).allSatisfy(l -> assertThat(JsonPath.from(l).getString("effectiveDateTime"))
                .isEqualTo(TODAY.minusDays(1).toString()));

        // Patient-level kick-off, with a type list.
        JsonPath patientLevel = manifest(integrator, given().auth().oauth2(integrator.token())
                .header("Prefer", "respond-async").get("/fhir/Patient/$export?_type=MedicationStatement,QuestionnaireResponse")
                .then().statusCode(202).extract().header("Content-Location"));
        assertThat(patientLevel.getList("output.type", String.class))
                .containsExactlyInAnyOrder("MedicationStatement", "QuestionnaireResponse");
    }

    @Test
    void aSecondOverlappingExportIs429AndCancelStopsIt() {
        Users integrator = Users.integrator();
        scheduler.pause("export-worker");
        try {
            Response first = kickOff(integrator, "?_type=Observation");
            assertThat(first.statusCode()).isEqualTo(202);
            String status = first.header("Content-Location");

            Response second = kickOff(integrator, "");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.header("Retry-After")).isNotBlank();
            assertThat(JsonPath.from(second.asString()).getString("resourceType")).isEqualTo("OperationOutcome");
            // Another integrator is not held up.
            Users other = Users.integrator();
            String otherStatus = kickOff(other, "?_type=MedicationStatement").then().statusCode(202)
                    .extract().header("Content-Location");

            Response waiting = poll(integrator, status);
            assertThat(waiting.statusCode()).isEqualTo(202);
            assertThat(waiting.header("Retry-After")).isEqualTo("1");
            assertThat(waiting.header("X-Progress")).isEqualTo("queued");
            // Another integrator cannot see, nor cancel it.
            assertThat(poll(other, status).statusCode()).isEqualTo(404);
            assertThat(given().auth().oauth2(other.token()).urlEncodingEnabled(false).delete(path(status))
                    .statusCode()).isEqualTo(404);

            assertThat(given().auth().oauth2(integrator.token()).urlEncodingEnabled(false).delete(path(status))
                    .statusCode()).isEqualTo(202);
            assertThat(poll(integrator, status).statusCode()).isEqualTo(404);
            assertThat(given().auth().oauth2(integrator.token()).urlEncodingEnabled(false).delete(path(status))
                    .statusCode()).isEqualTo(404);

            // The slot is free again.
            String again = kickOff(integrator, "?_type=QuestionnaireResponse").then().statusCode(202)
                    .extract().header("Content-Location");
            scheduler.resume("export-worker");
            assertThat(manifest(integrator, again).getList("output.type", String.class))
                    .containsAnyOf("QuestionnaireResponse").doesNotContain("Observation");
            manifest(other, otherStatus);
        } finally {
            scheduler.resume("export-worker");
        }
    }

    @Test
    void kickOffChecksItsParameters() {
        Users integrator = Users.integrator();
        Response noPrefer = given().auth().oauth2(integrator.token()).get("/fhir/$export");
        assertThat(noPrefer.statusCode()).isEqualTo(400);
        assertThat(JsonPath.from(noPrefer.asString()).getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(kickOff(integrator, "?_type=Patient").statusCode()).isEqualTo(400);
        assertThat(kickOff(integrator, "?_since=yesterday").statusCode()).isEqualTo(400);
        assertThat(kickOff(integrator, "?_outputFormat=text/csv").statusCode()).isEqualTo(400);
        assertThat(poll(integrator, "/fhir/$export-status/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(poll(integrator, "/fhir/$export-status/not-a-job").statusCode()).isEqualTo(404);
        assertThat(kickOff(Users.admin(), "").statusCode()).isEqualTo(403);
        assertThat(kickOff(Users.physician(), "").statusCode()).isEqualTo(403);
        assertThat(given().header("Prefer", "respond-async").get("/fhir/$export").statusCode()).isEqualTo(401);
    }

    /** Two instances polling at once never take the same job: the claim skips a job another one has locked. */
    @Test
    void twoWorkersNeverClaimTheSameJob() throws Exception {
        scheduler.pause("export-worker");
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        try {
            ExportJob job = storedJob(Users.integrator(), ExportStatus.QUEUED, "MedicationStatement", null, List.of());
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<UUID> first = new AtomicReference<>();
            // Both claims roll back: the test only looks at what each would have taken.
            Future<?> holder = otherInstance.submit(() -> rolledBack(() -> {
                first.set(worker.claim().jobId());
                claimed.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            Awaiting.until(() -> claimed.getCount() == 0 || holder.isDone(), Duration.ofSeconds(30), "the first claim");
            if (holder.isDone()) {
                holder.get(); // surfaces why the first claim failed
            }
            AtomicReference<UUID> second = new AtomicReference<>();
            rolledBack(() -> {
                ExportWorker.Claimed next = worker.claim();
                second.set(next == null ? null : next.jobId());
            });
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);

            assertThat(first.get()).isNotNull();
            assertThat(second.get()).isNotEqualTo(first.get());
            QuarkusTransaction.requiringNew().run(() -> ExportJob.deleteById(job.id));
        } finally {
            otherInstance.shutdownNow();
            scheduler.resume("export-worker");
        }
    }

    /** Runs the work in a transaction of its own and rolls it back: a test looks without changing anything. */
    private static void rolledBack(Runnable work) {
        class RollBack extends RuntimeException {
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                work.run();
                throw new RollBack();
            });
        } catch (RollBack expected) {
            // rolled back, as intended
        }
    }

    /**
     * An instance stopped in the middle of an export: once its lease runs out, another instance takes the job over,
     * throws away what the stopped run wrote, and completes it; a job whose run keeps stopping fails instead.
     */
    @Test
    void aJobWhoseInstanceStoppedIsTakenOverWhenItsLeaseRunsOut() {
        PatientEvents.TestPatient p = patientWithData();
        Users integrator = Users.integrator();
        scheduler.pause("export-worker");
        try {
            ExportJob job = storedJob(integrator, ExportStatus.RUNNING, "MedicationStatement", null, List.of());
            storedChunk(job, job.runId, "{\"partial");
            // Its integrator's slot is held.
            assertThat(kickOff(integrator, "").statusCode()).isEqualTo(429);

            ExportWorker.Claimed claimed = QuarkusTransaction.requiringNew().call(worker::claim);

            assertThat(claimed.jobId()).isEqualTo(job.id);
            assertThat(claimed.runId()).isNotEqualTo(job.runId);
            assertThat(chunks(job.id)).as("the stopped run's partial file").isZero();
            Response running = poll(integrator, "/fhir/$export-status/" + job.id);
            assertThat(running.statusCode()).isEqualTo(202);
            assertThat(running.header("X-Progress")).startsWith("started again");
            assertThat(stored(job.id).attempts).isEqualTo(2);

            worker.run(claimed);
            JsonPath manifest = manifest(integrator, "/fhir/$export-status/" + job.id);
            assertThat(manifest.getList("output.type", String.class)).containsOnly("MedicationStatement");
            List<String> lines = download(integrator, manifest.getString("output[0].url")).asString().lines().toList();
            assertThat(lines).noneMatch(l -> l.contains("partial"));
            assertThat(lines.stream().filter(l -> l.contains("\"Patient/" + p.id() + "\""))).hasSize(1);
            // The slot is free again.
            assertThat(kickOff(integrator, "?_type=QuestionnaireResponse").statusCode()).isEqualTo(202);
        } finally {
            scheduler.resume("export-worker");
        }
    }

    @Test
    void aJobWhoseRunsKeepStoppingFailsAndALiveLeaseIsLeftAlone() {
        Users integrator = Users.integrator();
        scheduler.pause("export-worker");
        try {
            ExportJob stuck = storedJob(integrator, ExportStatus.RUNNING, "MedicationStatement", null, List.of());
            QuarkusTransaction.requiringNew().run(() -> ExportJob.update("attempts = 3 where id = ?1", stuck.id));
            ExportJob alive = storedJob(Users.integrator(), ExportStatus.RUNNING, "MedicationStatement", null, List.of());
            QuarkusTransaction.requiringNew().run(() -> ExportJob.update("leaseUntil = ?1 where id = ?2",
                    Instant.now().plusSeconds(300), alive.id));

            ExportWorker.Claimed claimed = QuarkusTransaction.requiringNew().call(worker::claim);

            assertThat(claimed == null ? null : claimed.jobId()).isNotIn(stuck.id, alive.id);
            if (claimed != null) {
                worker.run(claimed);
            }
            assertThat(status(stuck.id)).isEqualTo(ExportStatus.FAILED);
            Response failed = poll(integrator, "/fhir/$export-status/" + stuck.id);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(JsonPath.from(failed.asString()).getString("issue[0].diagnostics")).contains("interrupted 3 times");
            assertThat(stored(alive.id).runId).isEqualTo(alive.runId);
            assertThat(status(alive.id)).isEqualTo(ExportStatus.RUNNING);
            QuarkusTransaction.requiringNew().run(() -> ExportJob.deleteById(alive.id));
        } finally {
            scheduler.resume("export-worker");
        }
    }

    /** Finished exports older than backcare.export.retention (24h) lose their files and answer 404. */
    @Test
    void exportsOlderThanTheRetentionExpire() {
        Users integrator = Users.integrator();
        List<ExportFile> outputs = List.of(new ExportFile("MedicationStatement", "MedicationStatement.ndjson", 1, 1));
        ExportJob old = storedJob(integrator, ExportStatus.COMPLETED, "MedicationStatement",
                Instant.now().minus(Duration.ofHours(25)), outputs);
        ExportJob failed = storedJob(Users.integrator(), ExportStatus.FAILED, "MedicationStatement",
                Instant.now().minus(Duration.ofHours(25)), List.of());
        ExportJob recent = storedJob(Users.integrator(), ExportStatus.COMPLETED, "MedicationStatement",
                Instant.now().minus(Duration.ofHours(23)), outputs);
        storedChunk(old, old.runId, "{}");
        storedChunk(recent, recent.runId, "{}");
        String oldUrl = "/fhir/$export-file/" + old.id + "/MedicationStatement.ndjson";
        Response before = download(integrator, oldUrl);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.asString()).isEqualTo("{}\n");

        worker.expireFinishedBefore(Instant.now().minus(Duration.ofHours(24)));

        assertThat(status(old.id)).isEqualTo(ExportStatus.EXPIRED);
        assertThat(status(failed.id)).isEqualTo(ExportStatus.EXPIRED);
        assertThat(chunks(old.id)).isZero();
        assertThat(poll(integrator, "/fhir/$export-status/" + old.id).statusCode()).isEqualTo(404);
        assertThat(download(integrator, oldUrl).statusCode()).isEqualTo(404);
        // Within the retention period: untouched.
        assertThat(status(recent.id)).isEqualTo(ExportStatus.COMPLETED);
        assertThat(chunks(recent.id)).isEqualTo(1);
    }
}
