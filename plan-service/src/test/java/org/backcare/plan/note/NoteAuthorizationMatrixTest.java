package org.backcare.plan.note;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;

/**
 * Every note endpoint, called by every kind of caller, on a patient whose team is a physician (author of a progress
 * note), a physical therapist and two psychologists (the first wrote a psychotherapy note). The rules under test are
 * {@link NoteRules} and the endpoints' {@code @RolesAllowed}: a note the caller may not read answers 404 exactly like
 * one that does not exist, and is left out of lists; a visible note the caller may not amend answers 403; the patient
 * and integrators never read clinical notes.
 */
@QuarkusTest
class NoteAuthorizationMatrixTest {

    enum Who {
        PATIENT_OWN, PATIENT_OTHER, PHYSICIAN_ON_TEAM, PT_ON_TEAM, PSYCHOLOGIST_AUTHOR, PSYCHOLOGIST_ON_TEAM,
        PSYCHOLOGIST_OFF_TEAM, PHYSICIAN_OFF_TEAM, ADMIN, INTEGRATOR, NO_TOKEN
    }

    enum Call {
        CREATE_PROGRESS, CREATE_PSYCHOTHERAPY, LIST, READ_PROGRESS, READ_PSYCHOTHERAPY, VERSIONS_PROGRESS,
        VERSIONS_PSYCHOTHERAPY, AMEND_PROGRESS, AMEND_PSYCHOTHERAPY
    }

    /** What each caller gets, in the order of {@link Call}. */
    static final Map<Who, int[]> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(Who.PATIENT_OWN, new int[]{403, 403, 403, 404, 404, 404, 404, 403, 403}),
            Map.entry(Who.PATIENT_OTHER, new int[]{403, 403, 404, 404, 404, 404, 404, 403, 403}),
            Map.entry(Who.PHYSICIAN_ON_TEAM, new int[]{201, 403, 200, 200, 404, 200, 404, 200, 404}),
            Map.entry(Who.PT_ON_TEAM, new int[]{201, 403, 200, 200, 404, 200, 404, 403, 404}),
            Map.entry(Who.PSYCHOLOGIST_AUTHOR, new int[]{201, 201, 200, 200, 200, 200, 200, 403, 200}),
            Map.entry(Who.PSYCHOLOGIST_ON_TEAM, new int[]{201, 201, 200, 200, 200, 200, 200, 403, 403}),
            Map.entry(Who.PSYCHOLOGIST_OFF_TEAM, new int[]{404, 404, 404, 404, 404, 404, 404, 404, 404}),
            Map.entry(Who.PHYSICIAN_OFF_TEAM, new int[]{404, 404, 404, 404, 404, 404, 404, 404, 404}),
            Map.entry(Who.ADMIN, new int[]{403, 403, 200, 200, 404, 200, 404, 403, 403}),
            Map.entry(Who.INTEGRATOR, new int[]{403, 403, 403, 404, 404, 404, 404, 403, 403}),
            Map.entry(Who.NO_TOKEN, new int[]{401, 401, 401, 401, 401, 401, 401, 401, 401})));

    /** Who finds the psychotherapy note in the patient's list (everyone who lists at all finds the progress note). */
    static final List<Who> LIST_PSYCHOTHERAPY = List.of(Who.PSYCHOLOGIST_AUTHOR, Who.PSYCHOLOGIST_ON_TEAM);

    @ParameterizedTest
    @EnumSource(Who.class)
    void eachCallerGetsWhatTheRulesSay(Who who) {
        Users physician = Users.physician();
        Users pt = Users.physicalTherapist();
        Users author = Users.psychologist();
        Users colleague = Users.psychologist();
        TestPatient patient = PatientEvents.registered(physician, pt, author, colleague);
        String progress = NoteTest.write(physician, patient, "progress-note", "Naproxen started");
        String psychotherapy = NoteTest.write(author, patient, "psychotherapy-note", "Session 1: fear of bending");
        Users caller = switch (who) {
            case PATIENT_OWN -> patient.patient();
            case PATIENT_OTHER -> Users.patient();
            case PHYSICIAN_ON_TEAM -> physician;
            case PT_ON_TEAM -> pt;
            case PSYCHOLOGIST_AUTHOR -> author;
            case PSYCHOLOGIST_ON_TEAM -> colleague;
            case PSYCHOLOGIST_OFF_TEAM -> Users.psychologist();
            case PHYSICIAN_OFF_TEAM -> Users.physician();
            case ADMIN -> Users.admin();
            case INTEGRATOR -> Users.integrator();
            case NO_TOKEN -> null;
        };
        int[] expected = EXPECTED.get(who);
        for (Call call : Call.values()) {
            RequestSpecification request = caller == null ? given().contentType(ContentType.JSON) : as(caller);
            Response response = switch (call) {
                case CREATE_PROGRESS -> request.body(Map.of("kind", "progress-note", "text", "seen"))
                        .post("/patients/{id}/notes", patient.id());
                case CREATE_PSYCHOTHERAPY -> request.body(Map.of("kind", "psychotherapy-note", "text", "session"))
                        .post("/patients/{id}/notes", patient.id());
                case LIST -> request.get("/patients/{id}/notes", patient.id());
                case READ_PROGRESS -> request.get("/notes/{id}", progress);
                case READ_PSYCHOTHERAPY -> request.get("/notes/{id}", psychotherapy);
                case VERSIONS_PROGRESS -> request.get("/notes/{id}/versions", progress);
                case VERSIONS_PSYCHOTHERAPY -> request.get("/notes/{id}/versions", psychotherapy);
                case AMEND_PROGRESS -> request.header("If-Match", "\"1\"").body(Map.of("text", "amended"))
                        .put("/notes/{id}", progress);
                case AMEND_PSYCHOTHERAPY -> request.header("If-Match", "\"1\"").body(Map.of("text", "amended"))
                        .put("/notes/{id}", psychotherapy);
            };
            assertThat(response.statusCode()).as(who + " " + call).isEqualTo(expected[call.ordinal()]);
            if (response.statusCode() == 404) {
                // Indistinguishable from a note or patient that does not exist.
                assertThat(response.jsonPath().getString("detail")).as(who + " " + call)
                        .doesNotContain("psychotherapy").doesNotContain("Session");
            }
            if (call == Call.LIST && response.statusCode() == 200) {
                List<String> listed = response.jsonPath().getList("items.id");
                assertThat(listed).as(who + " lists the progress note").contains(progress);
                assertThat(listed.contains(psychotherapy)).as(who + " lists the psychotherapy note")
                        .isEqualTo(LIST_PSYCHOTHERAPY.contains(who));
                assertThat(response.jsonPath().getInt("total")).isEqualTo(listed.size());
            }
        }
        // Refused amendments changed nothing: each note has as many versions as successful amendments.
        assertThat(as(physician).get("/notes/{id}", progress).then().extract().<Integer>path("version"))
                .isEqualTo(expected[Call.AMEND_PROGRESS.ordinal()] == 200 ? 2 : 1);
        assertThat(as(author).get("/notes/{id}", psychotherapy).then().extract().<Integer>path("version"))
                .isEqualTo(expected[Call.AMEND_PSYCHOTHERAPY.ordinal()] == 200 ? 2 : 1);
    }
}
