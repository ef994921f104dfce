package org.backcare.plan.section;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Several clinicians edit one plan at once: sections are versioned apart, so only same-section races conflict. */
@QuarkusTest
class SectionEditingTest {

    private static final String GOALS = """
            {"goals": [{"what": "Walk 30 minutes", "measure": "minutes walked without pain above 4/10",
              "target": "30 minutes", "dueDate": "2027-02-01", "status": "open"}]}""";
    private static final String SELF_MANAGEMENT = """
            {"pacing": [{"activity": "Walk", "minutes": 12, "frequency": "every-other-day"}],
             "sleep": {"bedtime": "22:30", "wakeTime": "06:30"},
             "stressPractices": [{"practice": "Box breathing", "minutes": 5, "frequency": "daily"}],
             "cbt": {"sessions": 6, "everyWeeks": 2}, "education": []}""";
    private static final String EXERCISES = """
            {"exercises": [{"exercise": "bird-dog", "dose": {"sets": 2, "reps": 8, "sessionsPerWeek": 7},
              "painMonitoring": {"stopIfPainRisesBy": 2}}], "notes": "daily"}""";

    @Test
    void twoDisciplinesEditingDifferentSectionsBothSucceed() throws Exception {
        Users therapist = Users.physicalTherapist();
        Users psychologist = Users.psychologist();
        TestPatient patient = PatientEvents.registered(therapist, psychologist);
        String plan = Api.createPlan(therapist, patient.id(), "mechanical");
        String exercisesTag = Api.sectionETag(therapist, plan, "exercises");
        String selfTag = Api.sectionETag(psychologist, plan, "self-management");

        List<Integer> statuses = concurrently(
                () -> as(therapist).header("If-Match", exercisesTag).body(EXERCISES)
                        .put("/plans/{id}/sections/exercises", plan).statusCode(),
                () -> as(psychologist).header("If-Match", selfTag).body(SELF_MANAGEMENT)
                        .put("/plans/{id}/sections/self-management", plan).statusCode());

        assertThat(statuses).containsExactly(200, 200);
        as(therapist).get("/plans/{id}", plan).then()
                .body("revision", equalTo(3))
                .body("sections.exercises.content.exercises.size()", equalTo(1))
                .body("sections.self-management.content.cbt.sessions", equalTo(6));
    }

    @Test
    void twoEditsOfTheSameSectionWithTheSameETagGiveOneSuccessAndOne412() throws Exception {
        Users physician = Users.physician();
        Users psychologist = Users.psychologist();
        TestPatient patient = PatientEvents.registered(physician, psychologist);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        String tag = Api.sectionETag(physician, plan, "goals");

        List<Integer> statuses = concurrently(
                () -> as(physician).header("If-Match", tag).body(GOALS).put("/plans/{id}/sections/goals", plan).statusCode(),
                () -> as(psychologist).header("If-Match", tag).body(GOALS).put("/plans/{id}/sections/goals", plan).statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        as(physician).get("/plans/{id}/revisions", plan).then().body("total", equalTo(2));
    }

    @Test
    void aSectionEditNeedsIfMatch() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        as(physician).body(GOALS).put("/plans/{id}/sections/goals", plan).then().statusCode(428);
        String tag = Api.sectionETag(physician, plan, "goals");
        as(physician).header("If-Match", tag).body(GOALS).put("/plans/{id}/sections/goals", plan).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("content.goals[0].what", equalTo("Walk 30 minutes"))
                .body("updatedBy", equalTo(physician.subject()));
    }

    @Test
    void aReadWithTheCurrentETagAnswers304AndAStaleOneTheSection() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        String tag = Api.sectionETag(physician, plan, "goals");
        as(physician).header("If-None-Match", tag).get("/plans/{id}/sections/goals", plan).then().statusCode(304)
                .header("ETag", equalTo(tag)).body(equalTo(""));
        as(physician).header("If-Match", tag).body(GOALS).put("/plans/{id}/sections/goals", plan).then().statusCode(200);
        as(physician).header("If-None-Match", tag).get("/plans/{id}/sections/goals", plan).then().statusCode(200)
                .body("content.goals[0].what", equalTo("Walk 30 minutes"));
    }

    @Test
    void eachSectionBelongsToItsDiscipline() {
        Users physician = Users.physician();
        Users therapist = Users.physicalTherapist();
        Users psychologist = Users.psychologist();
        TestPatient patient = PatientEvents.registered(physician, therapist, psychologist);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        String exercises = Api.sectionETag(physician, plan, "exercises");
        as(psychologist).header("If-Match", exercises).body(EXERCISES).put("/plans/{id}/sections/exercises", plan)
                .then().statusCode(403).body("detail", containsString("physical therapist"));
        as(therapist).header("If-Match", Api.sectionETag(physician, plan, "medications"))
                .body("{\"medications\": []}").put("/plans/{id}/sections/medications", plan).then().statusCode(403);
        as(therapist).header("If-Match", exercises).body(EXERCISES).put("/plans/{id}/sections/exercises", plan)
                .then().statusCode(200);
        as(psychologist).header("If-Match", Api.sectionETag(physician, plan, "self-management")).body(SELF_MANAGEMENT)
                .put("/plans/{id}/sections/self-management", plan).then().statusCode(200);
        as(therapist).header("If-Match", Api.sectionETag(physician, plan, "flare-up"))
                .body("{\"steps\": [{\"action\": \"heat\", \"instruction\": \"Heat pack 20 minutes\"}]}")
                .put("/plans/{id}/sections/flare-up", plan).then().statusCode(200);
        // A physician may change any section.
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "exercises")).body(EXERCISES)
                .put("/plans/{id}/sections/exercises", plan).then().statusCode(200);
    }

    @Test
    void exercisesMustComeFromTheCatalogueWithAMeasurableDose() {
        Users therapist = Users.physicalTherapist();
        TestPatient patient = PatientEvents.registered(therapist);
        String plan = Api.createPlan(therapist, patient.id(), "mechanical");
        String tag = Api.sectionETag(therapist, plan, "exercises");
        as(therapist).header("If-Match", tag)
                .body("{\"exercises\": [{\"exercise\": \"handstand\", \"dose\": {\"minutes\": 5, \"sessionsPerWeek\": 7}}]}")
                .put("/plans/{id}/sections/exercises", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("exercises[0].exercise"));
        as(therapist).header("If-Match", tag)
                .body("{\"exercises\": [{\"exercise\": \"bird-dog\", \"dose\": {\"sessionsPerWeek\": 7}}]}")
                .put("/plans/{id}/sections/exercises", plan).then().statusCode(400)
                .body("detail", containsString("sets and reps"));
        as(therapist).header("If-Match", tag).body("{\"exercises\": [}").put("/plans/{id}/sections/exercises", plan)
                .then().statusCode(400);
        as(therapist).get("/plans/{id}", plan).then().body("revision", equalTo(1));
    }

    @Test
    void endedPlansNoLongerChange() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        as(physician).body(Map.of("status", "discontinued")).post("/plans/{id}/status", plan).then().statusCode(200);
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "goals")).body(GOALS)
                .put("/plans/{id}/sections/goals", plan).then().statusCode(409);
    }

    @SafeVarargs
    private static List<Integer> concurrently(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
