package org.backcare.tracking.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.backcare.tracking.testsupport.Api;
import org.backcare.tracking.testsupport.Awaiting;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.access.AuthorizationMatrixTest.Endpoint.*;
import static org.backcare.tracking.access.AuthorizationMatrixTest.Expect.*;
import static org.backcare.tracking.access.AuthorizationMatrixTest.Rel.*;
import static org.backcare.tracking.access.AuthorizationMatrixTest.Who.*;
import static org.backcare.tracking.testsupport.Api.as;

/**
 * Every tracking endpoint, called by every role, on a patient that is the caller's own, on one that is not, and on
 * one tracking-service has never heard of.
 *
 * <p>"Own" is the patient whose record is linked to the caller's login, or a patient whose care team the clinician
 * is on. "Other" is another patient: the calling patient has their own record, the calling clinician is on another
 * patient's team, so "other" is never just "a caller who knows nobody". "Unknown" is a random id that was never
 * projected from patient-events. Admins, integrators and a token with no BackCare role have no own/other
 * distinction ({@code ANY}).
 *
 * <p>The rules under test are {@link PatientAccess} and the endpoints' {@code @RolesAllowed}:
 * <ul>
 *     <li>reading: the patient themselves, clinicians on the team, admins and integrators;</li>
 *     <li>reporting (check-ins, exercise sessions, medication intakes, flare-ups, questionnaires): the patient
 *     themselves or a clinician on the team; admins and integrators are refused with 403 (integrators are
 *     read-only);</li>
 *     <li>a patient the caller may not see answers 404, exactly like a patient that does not exist, never 403;</li>
 *     <li>the audit log is for admins only; no token answers 401.</li>
 * </ul>
 *
 * <p>Each row sets up its own patient through the real patient-events consumer: registered with a care team led by a
 * physician, with one check-in (yesterday), one ODI and one PHQ-9 recorded by that physician. Every row checks, as an admin,
 * that the timeline, the check-ins and the questionnaires are unchanged unless the row is a successful write (which
 * adds exactly one item of its kind), and that the audit log holds the read, the write or the refusal.
 *
 * <p>These tests state the behaviour a clinic needs. A failing row is a defect to fix in main code: do not relax
 * the row to make it pass.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** The caller's realm role; {@code NO_ROLE} has a valid token without any BackCare role, {@code NO_TOKEN} none. */
    enum Who {
        PATIENT("patient"),
        PHYSICIAN("physician"),
        PHYSICAL_THERAPIST("physical-therapist"),
        PSYCHOLOGIST("psychologist"),
        ADMIN("admin"),
        INTEGRATOR("integrator"),
        NO_ROLE("guest"),
        NO_TOKEN(null);

        final String role;

        Who(String role) {
            this.role = role;
        }

        boolean isClinician() {
            return this == PHYSICIAN || this == PHYSICAL_THERAPIST || this == PSYCHOLOGIST;
        }
    }

    /** How the caller relates to the row's patient. */
    enum Rel {
        /** The patient's own login, or a clinician on the patient's care team. */
        OWN,
        /** Another patient's login, or a clinician on another patient's care team only. */
        OTHER,
        /** A patient id tracking-service never projected. */
        UNKNOWN,
        /** No own/other distinction: admin, integrator, a token without role, no token. */
        ANY
    }

    enum Expect {
        OK(200),
        CREATED(201),
        UNAUTHORIZED(401),
        FORBIDDEN(403),
        NOT_FOUND(404);

        final int status;

        Expect(int status) {
            this.status = status;
        }

        boolean success() {
            return status < 300;
        }
    }

    enum Endpoint {
        CHECK_IN_PUT("PUT /patients/{id}/check-ins/{today}", "check-in", "CHECK_IN_RECORD"),
        CHECK_IN_GET("GET /patients/{id}/check-ins/{yesterday}", null, "CHECK_IN_READ"),
        CHECK_IN_LIST("GET /patients/{id}/check-ins", null, "CHECK_IN_READ"),
        EXERCISE("POST /patients/{id}/exercise-sessions", "exercise-session", "REPORT_RECORD"),
        MEDICATION("POST /patients/{id}/medication-intakes", "medication-intake", "REPORT_RECORD"),
        FLARE_UP("POST /patients/{id}/flare-ups", "flare-up", "REPORT_RECORD"),
        ODI_POST("POST /patients/{id}/questionnaires/odi", "questionnaire", "QUESTIONNAIRE_RECORD"),
        ODI_LIST("GET /patients/{id}/questionnaires/odi", null, "QUESTIONNAIRE_READ"),
        TIMELINE("GET /patients/{id}/timeline", null, "TIMELINE_READ"),
        TRENDS("GET /patients/{id}/trends", null, "TREND_READ"),
        CATALOGUE("GET /questionnaires", null, null),
        INSTRUMENT_POST("POST /patients/{id}/questionnaires/phq-9", "questionnaire", "QUESTIONNAIRE_RECORD"),
        INSTRUMENT_LIST("GET /patients/{id}/questionnaires/phq-9", null, "QUESTIONNAIRE_READ"),
        INSTRUMENT_TREND("GET /patients/{id}/questionnaires/phq-9/trend", null, "QUESTIONNAIRE_READ"),
        AUDIT_LOG("GET /audit-log?patientId={id}", null, null);

        final String label;
        /** The timeline kind a successful write adds; {@code null} for a read. */
        final String writes;
        /** The audit action a successful call must leave for the caller; {@code null} when none is required. */
        final String audited;

        Endpoint(String label, String writes, String audited) {
            this.label = label;
            this.writes = writes;
            this.audited = audited;
        }

        boolean write() {
            return writes != null;
        }

        /** Whether the patient's id is in the path, so a 404 can be compared with the 404 for an unknown id. */
        boolean idInPath() {
            return this != AUDIT_LOG && this != CATALOGUE;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static Arguments row(Endpoint endpoint, Who who, Rel rel, Expect expect) {
        return Arguments.of(endpoint, who, rel, expect);
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // --- PUT a check-in: the patient, or a clinician on the team for them ---
                row(CHECK_IN_PUT, PATIENT, OWN, CREATED),
                row(CHECK_IN_PUT, PATIENT, OTHER, NOT_FOUND),
                row(CHECK_IN_PUT, PATIENT, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_PUT, PHYSICIAN, OWN, CREATED),
                row(CHECK_IN_PUT, PHYSICIAN, OTHER, NOT_FOUND),
                row(CHECK_IN_PUT, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_PUT, PHYSICAL_THERAPIST, OWN, CREATED),
                row(CHECK_IN_PUT, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(CHECK_IN_PUT, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_PUT, PSYCHOLOGIST, OWN, CREATED),
                row(CHECK_IN_PUT, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(CHECK_IN_PUT, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_PUT, ADMIN, ANY, FORBIDDEN),
                row(CHECK_IN_PUT, ADMIN, UNKNOWN, FORBIDDEN),
                row(CHECK_IN_PUT, INTEGRATOR, ANY, FORBIDDEN),
                row(CHECK_IN_PUT, INTEGRATOR, UNKNOWN, FORBIDDEN),
                row(CHECK_IN_PUT, NO_ROLE, ANY, FORBIDDEN),
                row(CHECK_IN_PUT, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET the check-in of a day: whoever may read the patient ---
                row(CHECK_IN_GET, PATIENT, OWN, OK),
                row(CHECK_IN_GET, PATIENT, OTHER, NOT_FOUND),
                row(CHECK_IN_GET, PATIENT, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_GET, PHYSICIAN, OWN, OK),
                row(CHECK_IN_GET, PHYSICIAN, OTHER, NOT_FOUND),
                row(CHECK_IN_GET, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_GET, PHYSICAL_THERAPIST, OWN, OK),
                row(CHECK_IN_GET, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(CHECK_IN_GET, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_GET, PSYCHOLOGIST, OWN, OK),
                row(CHECK_IN_GET, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(CHECK_IN_GET, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_GET, ADMIN, ANY, OK),
                row(CHECK_IN_GET, ADMIN, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_GET, INTEGRATOR, ANY, OK),
                row(CHECK_IN_GET, INTEGRATOR, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_GET, NO_ROLE, ANY, NOT_FOUND),
                row(CHECK_IN_GET, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET the check-ins of a range ---
                row(CHECK_IN_LIST, PATIENT, OWN, OK),
                row(CHECK_IN_LIST, PATIENT, OTHER, NOT_FOUND),
                row(CHECK_IN_LIST, PATIENT, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_LIST, PHYSICIAN, OWN, OK),
                row(CHECK_IN_LIST, PHYSICIAN, OTHER, NOT_FOUND),
                row(CHECK_IN_LIST, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_LIST, PHYSICAL_THERAPIST, OWN, OK),
                row(CHECK_IN_LIST, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(CHECK_IN_LIST, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_LIST, PSYCHOLOGIST, OWN, OK),
                row(CHECK_IN_LIST, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(CHECK_IN_LIST, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_LIST, ADMIN, ANY, OK),
                row(CHECK_IN_LIST, ADMIN, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_LIST, INTEGRATOR, ANY, OK),
                row(CHECK_IN_LIST, INTEGRATOR, UNKNOWN, NOT_FOUND),
                row(CHECK_IN_LIST, NO_ROLE, ANY, NOT_FOUND),
                row(CHECK_IN_LIST, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- POST an exercise session: the patient or a clinician on the team ---
                row(EXERCISE, PATIENT, OWN, CREATED),
                row(EXERCISE, PATIENT, OTHER, NOT_FOUND),
                row(EXERCISE, PATIENT, UNKNOWN, NOT_FOUND),
                row(EXERCISE, PHYSICIAN, OWN, CREATED),
                row(EXERCISE, PHYSICIAN, OTHER, NOT_FOUND),
                row(EXERCISE, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(EXERCISE, PHYSICAL_THERAPIST, OWN, CREATED),
                row(EXERCISE, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(EXERCISE, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(EXERCISE, PSYCHOLOGIST, OWN, CREATED),
                row(EXERCISE, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(EXERCISE, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(EXERCISE, ADMIN, ANY, FORBIDDEN),
                row(EXERCISE, ADMIN, UNKNOWN, FORBIDDEN),
                row(EXERCISE, INTEGRATOR, ANY, FORBIDDEN),
                row(EXERCISE, INTEGRATOR, UNKNOWN, FORBIDDEN),
                row(EXERCISE, NO_ROLE, ANY, FORBIDDEN),
                row(EXERCISE, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- POST a medication intake ---
                row(MEDICATION, PATIENT, OWN, CREATED),
                row(MEDICATION, PATIENT, OTHER, NOT_FOUND),
                row(MEDICATION, PATIENT, UNKNOWN, NOT_FOUND),
                row(MEDICATION, PHYSICIAN, OWN, CREATED),
                row(MEDICATION, PHYSICIAN, OTHER, NOT_FOUND),
                row(MEDICATION, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(MEDICATION, PHYSICAL_THERAPIST, OWN, CREATED),
                row(MEDICATION, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(MEDICATION, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(MEDICATION, PSYCHOLOGIST, OWN, CREATED),
                row(MEDICATION, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(MEDICATION, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(MEDICATION, ADMIN, ANY, FORBIDDEN),
                row(MEDICATION, ADMIN, UNKNOWN, FORBIDDEN),
                row(MEDICATION, INTEGRATOR, ANY, FORBIDDEN),
                row(MEDICATION, INTEGRATOR, UNKNOWN, FORBIDDEN),
                row(MEDICATION, NO_ROLE, ANY, FORBIDDEN),
                row(MEDICATION, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- POST a flare-up ---
                row(FLARE_UP, PATIENT, OWN, CREATED),
                row(FLARE_UP, PATIENT, OTHER, NOT_FOUND),
                row(FLARE_UP, PATIENT, UNKNOWN, NOT_FOUND),
                row(FLARE_UP, PHYSICIAN, OWN, CREATED),
                row(FLARE_UP, PHYSICIAN, OTHER, NOT_FOUND),
                row(FLARE_UP, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(FLARE_UP, PHYSICAL_THERAPIST, OWN, CREATED),
                row(FLARE_UP, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(FLARE_UP, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(FLARE_UP, PSYCHOLOGIST, OWN, CREATED),
                row(FLARE_UP, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(FLARE_UP, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(FLARE_UP, ADMIN, ANY, FORBIDDEN),
                row(FLARE_UP, ADMIN, UNKNOWN, FORBIDDEN),
                row(FLARE_UP, INTEGRATOR, ANY, FORBIDDEN),
                row(FLARE_UP, INTEGRATOR, UNKNOWN, FORBIDDEN),
                row(FLARE_UP, NO_ROLE, ANY, FORBIDDEN),
                row(FLARE_UP, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- POST an ODI questionnaire ---
                row(ODI_POST, PATIENT, OWN, CREATED),
                row(ODI_POST, PATIENT, OTHER, NOT_FOUND),
                row(ODI_POST, PATIENT, UNKNOWN, NOT_FOUND),
                row(ODI_POST, PHYSICIAN, OWN, CREATED),
                row(ODI_POST, PHYSICIAN, OTHER, NOT_FOUND),
                row(ODI_POST, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(ODI_POST, PHYSICAL_THERAPIST, OWN, CREATED),
                row(ODI_POST, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(ODI_POST, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(ODI_POST, PSYCHOLOGIST, OWN, CREATED),
                row(ODI_POST, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(ODI_POST, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(ODI_POST, ADMIN, ANY, FORBIDDEN),
                row(ODI_POST, ADMIN, UNKNOWN, FORBIDDEN),
                row(ODI_POST, INTEGRATOR, ANY, FORBIDDEN),
                row(ODI_POST, INTEGRATOR, UNKNOWN, FORBIDDEN),
                row(ODI_POST, NO_ROLE, ANY, FORBIDDEN),
                row(ODI_POST, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET the ODI history ---
                row(ODI_LIST, PATIENT, OWN, OK),
                row(ODI_LIST, PATIENT, OTHER, NOT_FOUND),
                row(ODI_LIST, PATIENT, UNKNOWN, NOT_FOUND),
                row(ODI_LIST, PHYSICIAN, OWN, OK),
                row(ODI_LIST, PHYSICIAN, OTHER, NOT_FOUND),
                row(ODI_LIST, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(ODI_LIST, PHYSICAL_THERAPIST, OWN, OK),
                row(ODI_LIST, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(ODI_LIST, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(ODI_LIST, PSYCHOLOGIST, OWN, OK),
                row(ODI_LIST, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(ODI_LIST, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(ODI_LIST, ADMIN, ANY, OK),
                row(ODI_LIST, ADMIN, UNKNOWN, NOT_FOUND),
                row(ODI_LIST, INTEGRATOR, ANY, OK),
                row(ODI_LIST, INTEGRATOR, UNKNOWN, NOT_FOUND),
                row(ODI_LIST, NO_ROLE, ANY, NOT_FOUND),
                row(ODI_LIST, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET the timeline ---
                row(TIMELINE, PATIENT, OWN, OK),
                row(TIMELINE, PATIENT, OTHER, NOT_FOUND),
                row(TIMELINE, PATIENT, UNKNOWN, NOT_FOUND),
                row(TIMELINE, PHYSICIAN, OWN, OK),
                row(TIMELINE, PHYSICIAN, OTHER, NOT_FOUND),
                row(TIMELINE, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(TIMELINE, PHYSICAL_THERAPIST, OWN, OK),
                row(TIMELINE, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(TIMELINE, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(TIMELINE, PSYCHOLOGIST, OWN, OK),
                row(TIMELINE, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(TIMELINE, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(TIMELINE, ADMIN, ANY, OK),
                row(TIMELINE, ADMIN, UNKNOWN, NOT_FOUND),
                row(TIMELINE, INTEGRATOR, ANY, OK),
                row(TIMELINE, INTEGRATOR, UNKNOWN, NOT_FOUND),
                row(TIMELINE, NO_ROLE, ANY, NOT_FOUND),
                row(TIMELINE, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET the trend summary ---
                row(TRENDS, PATIENT, OWN, OK),
                row(TRENDS, PATIENT, OTHER, NOT_FOUND),
                row(TRENDS, PATIENT, UNKNOWN, NOT_FOUND),
                row(TRENDS, PHYSICIAN, OWN, OK),
                row(TRENDS, PHYSICIAN, OTHER, NOT_FOUND),
                row(TRENDS, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(TRENDS, PHYSICAL_THERAPIST, OWN, OK),
                row(TRENDS, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(TRENDS, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(TRENDS, PSYCHOLOGIST, OWN, OK),
                row(TRENDS, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(TRENDS, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(TRENDS, ADMIN, ANY, OK),
                row(TRENDS, ADMIN, UNKNOWN, NOT_FOUND),
                row(TRENDS, INTEGRATOR, ANY, OK),
                row(TRENDS, INTEGRATOR, UNKNOWN, NOT_FOUND),
                row(TRENDS, NO_ROLE, ANY, NOT_FOUND),
                row(TRENDS, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET /questionnaires, the instrument definitions: any signed-in caller, no patient involved ---
                row(CATALOGUE, PATIENT, ANY, OK),
                row(CATALOGUE, PHYSICIAN, ANY, OK),
                row(CATALOGUE, PHYSICAL_THERAPIST, ANY, OK),
                row(CATALOGUE, PSYCHOLOGIST, ANY, OK),
                row(CATALOGUE, ADMIN, ANY, OK),
                row(CATALOGUE, INTEGRATOR, ANY, OK),
                row(CATALOGUE, NO_ROLE, ANY, OK),
                row(CATALOGUE, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- POST a scored instrument (PHQ-9): as the ODI, the patient or a clinician on the team ---
                row(INSTRUMENT_POST, PATIENT, OWN, CREATED),
                row(INSTRUMENT_POST, PATIENT, OTHER, NOT_FOUND),
                row(INSTRUMENT_POST, PATIENT, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_POST, PHYSICIAN, OWN, CREATED),
                row(INSTRUMENT_POST, PHYSICIAN, OTHER, NOT_FOUND),
                row(INSTRUMENT_POST, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_POST, PHYSICAL_THERAPIST, OWN, CREATED),
                row(INSTRUMENT_POST, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(INSTRUMENT_POST, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_POST, PSYCHOLOGIST, OWN, CREATED),
                row(INSTRUMENT_POST, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(INSTRUMENT_POST, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_POST, ADMIN, ANY, FORBIDDEN),
                row(INSTRUMENT_POST, ADMIN, UNKNOWN, FORBIDDEN),
                row(INSTRUMENT_POST, INTEGRATOR, ANY, FORBIDDEN),
                row(INSTRUMENT_POST, INTEGRATOR, UNKNOWN, FORBIDDEN),
                row(INSTRUMENT_POST, NO_ROLE, ANY, FORBIDDEN),
                row(INSTRUMENT_POST, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET the results of an instrument: as the ODI history ---
                row(INSTRUMENT_LIST, PATIENT, OWN, OK),
                row(INSTRUMENT_LIST, PATIENT, OTHER, NOT_FOUND),
                row(INSTRUMENT_LIST, PATIENT, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_LIST, PHYSICIAN, OWN, OK),
                row(INSTRUMENT_LIST, PHYSICIAN, OTHER, NOT_FOUND),
                row(INSTRUMENT_LIST, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_LIST, PHYSICAL_THERAPIST, OWN, OK),
                row(INSTRUMENT_LIST, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(INSTRUMENT_LIST, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_LIST, PSYCHOLOGIST, OWN, OK),
                row(INSTRUMENT_LIST, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(INSTRUMENT_LIST, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_LIST, ADMIN, ANY, OK),
                row(INSTRUMENT_LIST, ADMIN, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_LIST, INTEGRATOR, ANY, OK),
                row(INSTRUMENT_LIST, INTEGRATOR, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_LIST, NO_ROLE, ANY, NOT_FOUND),
                row(INSTRUMENT_LIST, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET the score series of an instrument: whoever may read its results ---
                row(INSTRUMENT_TREND, PATIENT, OWN, OK),
                row(INSTRUMENT_TREND, PATIENT, OTHER, NOT_FOUND),
                row(INSTRUMENT_TREND, PATIENT, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_TREND, PHYSICIAN, OWN, OK),
                row(INSTRUMENT_TREND, PHYSICIAN, OTHER, NOT_FOUND),
                row(INSTRUMENT_TREND, PHYSICIAN, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_TREND, PHYSICAL_THERAPIST, OWN, OK),
                row(INSTRUMENT_TREND, PHYSICAL_THERAPIST, OTHER, NOT_FOUND),
                row(INSTRUMENT_TREND, PHYSICAL_THERAPIST, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_TREND, PSYCHOLOGIST, OWN, OK),
                row(INSTRUMENT_TREND, PSYCHOLOGIST, OTHER, NOT_FOUND),
                row(INSTRUMENT_TREND, PSYCHOLOGIST, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_TREND, ADMIN, ANY, OK),
                row(INSTRUMENT_TREND, ADMIN, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_TREND, INTEGRATOR, ANY, OK),
                row(INSTRUMENT_TREND, INTEGRATOR, UNKNOWN, NOT_FOUND),
                row(INSTRUMENT_TREND, NO_ROLE, ANY, NOT_FOUND),
                row(INSTRUMENT_TREND, NO_TOKEN, ANY, UNAUTHORIZED),

                // --- GET /audit-log?patientId=: admins only, whoever the patient is ---
                row(AUDIT_LOG, PATIENT, OWN, FORBIDDEN),
                row(AUDIT_LOG, PATIENT, OTHER, FORBIDDEN),
                row(AUDIT_LOG, PHYSICIAN, OWN, FORBIDDEN),
                row(AUDIT_LOG, PHYSICIAN, OTHER, FORBIDDEN),
                row(AUDIT_LOG, PHYSICAL_THERAPIST, OWN, FORBIDDEN),
                row(AUDIT_LOG, PHYSICAL_THERAPIST, OTHER, FORBIDDEN),
                row(AUDIT_LOG, PSYCHOLOGIST, OWN, FORBIDDEN),
                row(AUDIT_LOG, PSYCHOLOGIST, OTHER, FORBIDDEN),
                row(AUDIT_LOG, ADMIN, ANY, OK),
                row(AUDIT_LOG, INTEGRATOR, ANY, FORBIDDEN),
                row(AUDIT_LOG, NO_ROLE, ANY, FORBIDDEN),
                row(AUDIT_LOG, NO_TOKEN, ANY, UNAUTHORIZED));
    }

    @ParameterizedTest(name = "[{index}] {0} as {1} ({2}) -> {3}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachRoleAsTheAccessRulesSay(Endpoint endpoint, Who who, Rel rel, Expect expect) {
        Scenario s = Scenario.setUp(who, rel);
        Snapshot before = s.snapshot();

        Response response = s.call(endpoint, s.patientId);
        String cell = endpoint + " as " + who + " (" + rel + ")";
        assertThat(response.statusCode())
                .as("%s answered %s %s", cell, response.statusCode(), response.asString())
                .isEqualTo(expect.status);

        if (expect == FORBIDDEN || expect == NOT_FOUND) {
            assertThat(response.contentType()).as(cell + ": a refusal is a problem document")
                    .startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).as(cell).isEqualTo(expect.status);
            assertThat(response.jsonPath().getString("detail")).as(cell + ": a refusal says why").isNotBlank();
        }
        if (expect == OK) {
            s.checkContent(endpoint, response, cell);
        }

        Snapshot after = s.snapshot();
        if (endpoint.write() && expect.success()) {
            assertThat(after.added(before)).as(cell + ": the write added exactly one " + endpoint.writes)
                    .filteredOn(kind -> !kind.equals("alert")).containsExactly(endpoint.writes);
            assertThat(response.jsonPath().getString("id")).as(cell + ": the new item's id").isNotBlank();
        } else {
            assertThat(after).as(cell + ": a refused write (or a read) leaves everything as it was").isEqualTo(before);
        }

        if (expect.success() && endpoint.audited != null) {
            assertThat(s.audited(s.actor, endpoint.audited))
                    .as(cell + ": the audit log holds the caller's " + endpoint.audited).isPositive();
        }
        if (expect == NOT_FOUND && rel != UNKNOWN) {
            assertThat(s.audited(s.actor, "REFUSED")).as(cell + ": the refused attempt is audited").isPositive();
        }

        if (expect == NOT_FOUND && rel != UNKNOWN && endpoint.idInPath()) {
            // Not leaking existence: the answer for an invisible patient is the answer for one that never existed.
            UUID unknownId = UUID.randomUUID();
            Response unknown = s.call(endpoint, unknownId);
            assertThat(unknown.statusCode()).as(cell + " on an unknown id").isEqualTo(404);
            JsonPath hidden = response.jsonPath();
            JsonPath missing = unknown.jsonPath();
            assertThat(hidden.getString("type")).as(cell).isEqualTo(missing.getString("type"));
            assertThat(hidden.getString("title")).as(cell).isEqualTo(missing.getString("title"));
            assertThat(hidden.getString("detail").replace(s.patientId.toString(), "ID"))
                    .as(cell).isEqualTo(missing.getString("detail").replace(unknownId.toString(), "ID"));
            assertThat(s.snapshot()).as(cell).isEqualTo(before);
        }
    }

    /**
     * A clinician taken off the care team loses the patient: reads and reports answer 404 as soon as
     * patient-service's CareTeamMemberRemoved is projected, and nothing they send is stored.
     */
    @Test
    void aClinicianRemovedFromTheTeamLosesReadAndReportAccess() {
        Users physician = Users.physician();
        Users therapist = Users.physicalTherapist();
        Users admin = Users.admin();
        PatientEvents.TestPatient patient = PatientEvents.registered(Users.patient(), List.of(), "mechanical",
                physician, therapist);
        as(therapist).get("/patients/{id}/timeline", patient.id()).then().statusCode(200);

        PatientEvents.send(PatientEvents.envelope(UUID.randomUUID(), "CareTeamMemberRemoved", patient.id(),
                careTeamChange(List.of(physician))));
        Awaiting.until(() -> as(therapist).get("/patients/{id}/timeline", patient.id()).statusCode() == 404,
                Duration.ofSeconds(30), "the removed therapist loses the timeline");

        int before = as(admin).get("/patients/{id}/timeline", patient.id()).then().statusCode(200)
                .extract().path("total");
        as(therapist).body(Api.checkIn(4)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString())
                .then().statusCode(404);
        as(therapist).body(Scenario.exerciseBody()).post("/patients/{id}/exercise-sessions", patient.id())
                .then().statusCode(404);
        as(therapist).get("/patients/{id}/trends", patient.id()).then().statusCode(404);
        as(physician).get("/patients/{id}/timeline", patient.id()).then().statusCode(200);
        assertThat(as(admin).get("/patients/{id}/timeline", patient.id()).then().statusCode(200)
                .extract().<Integer>path("total")).isEqualTo(before);
    }

    /**
     * patient-service may link a record to another login (a new account after a lost one): the old login then
     * sees nothing and may report nothing, the new one takes over.
     */
    @Test
    void aRecordRelinkedToAnotherLoginIsNoLongerTheOldLoginsOwn() {
        Users physician = Users.physician();
        Users oldLogin = Users.patient();
        Users newLogin = Users.patient();
        PatientEvents.TestPatient patient = PatientEvents.registered(oldLogin, List.of(), "mechanical", physician);
        as(oldLogin).get("/patients/{id}/timeline", patient.id()).then().statusCode(200);

        PatientEvents.send(PatientEvents.envelope(UUID.randomUUID(), "PatientUpdated", patient.id(),
                PatientEvents.snapshot(newLogin, List.of(), "mechanical", List.of(physician))));
        Awaiting.until(() -> as(newLogin).get("/patients/{id}/timeline", patient.id()).statusCode() == 200,
                Duration.ofSeconds(30), "the new login sees the record");

        as(oldLogin).get("/patients/{id}/timeline", patient.id()).then().statusCode(404);
        as(oldLogin).body(Api.checkIn(4)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString())
                .then().statusCode(404);
        as(newLogin).body(Api.checkIn(4)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString())
                .then().statusCode(201);
    }

    /** The data of CareTeamMemberAdded and CareTeamMemberRemoved: the whole team after the change. */
    private static ObjectNode careTeamChange(List<Users> team) {
        ObjectNode data = new ObjectMapper().createObjectNode();
        data.set("careTeam", PatientEvents.team(team));
        return data;
    }

    /** What a write could change, as a fresh admin sees it; {@code timelineStatus} is 404 for an unknown patient. */
    record Snapshot(int timelineStatus, List<String> timeline, int checkIns, int questionnaires) {

        /** The kinds of the timeline entries that are new in this snapshot. */
        List<String> added(Snapshot before) {
            List<String> added = new ArrayList<>(timeline);
            added.removeAll(before.timeline);
            return added.stream().map(entry -> entry.substring(0, entry.indexOf(' '))).toList();
        }
    }

    /** One row's world: a patient with a care team, a check-in and an ODI, maybe another patient, and the caller. */
    static final class Scenario {
        final Users admin = Users.admin();
        final Users owner = Users.physician();
        UUID patientId;
        String checkInId;
        String phq9Id;
        Users actor;

        static Scenario setUp(Who who, Rel rel) {
            Scenario s = new Scenario();
            s.actor = who == NO_TOKEN ? null : Users.of(who.role);
            if (rel == UNKNOWN) {
                s.patientId = UUID.randomUUID();
                return s;
            }
            Users login = who == PATIENT && rel == OWN ? s.actor : Users.patient();
            Users[] team = who.isClinician() && rel == OWN ? new Users[] {s.owner, s.actor} : new Users[] {s.owner};
            s.patientId = PatientEvents.registered(login, List.of(), "mechanical", team).id();
            s.checkInId = as(s.owner).body(Api.checkIn(3))
                    .put("/patients/{id}/check-ins/{day}", s.patientId, TODAY.minusDays(1).toString())
                    .then().statusCode(201).extract().path("id");
            as(s.owner).body(odiBody()).post("/patients/{id}/questionnaires/odi", s.patientId).then().statusCode(201);
            s.phq9Id = as(s.owner).body(phq9Body()).post("/patients/{id}/questionnaires/phq-9", s.patientId)
                    .then().statusCode(201).extract().path("id");
            if (rel == OTHER) {
                // The caller has a patient of their own: their own record, or a place on another patient's team.
                Users otherLogin = who == PATIENT ? s.actor : Users.patient();
                Users otherClinician = who.isClinician() ? s.actor : Users.physician();
                PatientEvents.registered(otherLogin, List.of(), "mechanical", otherClinician);
            }
            return s;
        }

        RequestSpecification request() {
            RequestSpecification spec = given().contentType(ContentType.JSON).accept(ContentType.JSON);
            return actor == null ? spec : spec.auth().oauth2(actor.token());
        }

        static Map<String, Object> exerciseBody() {
            return new HashMap<>(Map.of("day", TODAY.toString(), "exercise", "bird-dog", "sets", 2, "reps", 8,
                    "painBefore", 4, "painAfter", 3));
        }

        static Map<String, Object> intakeBody() {
            return new HashMap<>(Map.of("takenAt", Instant.now().minusSeconds(60).toString(), "drug", "naproxen",
                    "dose", 500, "unit", "mg", "sideEffects", List.of("nausea")));
        }

        static Map<String, Object> flareUpBody() {
            return new HashMap<>(Map.of("startedOn", TODAY.minusDays(3).toString(),
                    "endedOn", TODAY.minusDays(1).toString(), "whatHelped", "Relative rest, heat"));
        }

        /** A PHQ-9 of 0: no alert, so a write adds exactly one questionnaire. */
        static Map<String, Object> phq9Body() {
            return new HashMap<>(Map.of("answers", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }

        static Map<String, Object> odiBody() {
            return new HashMap<>(Map.of("answers", Arrays.asList(2, 1, 3, 2, 2, 1, null, 2, 1, 2)));
        }

        Response call(Endpoint endpoint, UUID id) {
            return switch (endpoint) {
                case CHECK_IN_PUT -> request().body(Api.checkIn(4))
                        .put("/patients/{id}/check-ins/{day}", id, TODAY.toString());
                case CHECK_IN_GET -> request().get("/patients/{id}/check-ins/{day}", id, TODAY.minusDays(1).toString());
                case CHECK_IN_LIST -> request().get("/patients/{id}/check-ins", id);
                case EXERCISE -> request().body(exerciseBody()).post("/patients/{id}/exercise-sessions", id);
                case MEDICATION -> request().body(intakeBody()).post("/patients/{id}/medication-intakes", id);
                case FLARE_UP -> request().body(flareUpBody()).post("/patients/{id}/flare-ups", id);
                case ODI_POST -> request().body(odiBody()).post("/patients/{id}/questionnaires/odi", id);
                case ODI_LIST -> request().get("/patients/{id}/questionnaires/odi", id);
                case TIMELINE -> request().get("/patients/{id}/timeline", id);
                case TRENDS -> request().get("/patients/{id}/trends", id);
                case CATALOGUE -> request().get("/questionnaires");
                case INSTRUMENT_POST -> request().body(phq9Body()).post("/patients/{id}/questionnaires/phq-9", id);
                case INSTRUMENT_LIST -> request().get("/patients/{id}/questionnaires/phq-9", id);
                case INSTRUMENT_TREND -> request().get("/patients/{id}/questionnaires/phq-9/trend", id);
                case AUDIT_LOG -> request().queryParam("patientId", id).get("/audit-log");
            };
        }

        /** A successful read shows this patient's data, and only theirs. */
        void checkContent(Endpoint endpoint, Response response, String cell) {
            JsonPath body = response.jsonPath();
            switch (endpoint) {
                case CHECK_IN_GET -> {
                    assertThat(body.getString("id")).as(cell).isEqualTo(checkInId);
                    assertThat(body.getString("patientId")).as(cell).isEqualTo(patientId.toString());
                    assertThat(body.getInt("pain")).as(cell).isEqualTo(3);
                    assertThat(response.header("ETag")).as(cell + ": ETag for If-Match").isNotBlank();
                }
                case CHECK_IN_LIST -> {
                    assertThat(body.getInt("total")).as(cell).isEqualTo(1);
                    assertThat(body.getList("items.id", String.class)).as(cell).containsExactly(checkInId);
                }
                case ODI_LIST -> {
                    assertThat(body.getInt("total")).as(cell).isEqualTo(1);
                    assertThat(body.getBoolean("items[0].baseline")).as(cell).isTrue();
                }
                case TIMELINE -> {
                    assertThat(body.getList("items.kind", String.class)).as(cell)
                            .containsExactlyInAnyOrder("check-in", "questionnaire", "questionnaire");
                    assertThat(body.getList("items.itemId", String.class)).as(cell).contains(checkInId);
                }
                case TRENDS -> {
                    assertThat(body.getInt("days")).as(cell).isEqualTo(30);
                    assertThat(body.getInt("daysLogged")).as(cell).isEqualTo(1);
                }
                case CATALOGUE -> assertThat(body.getList("id", String.class)).as(cell).contains("phq-9", "start-back");
                case INSTRUMENT_LIST -> {
                    assertThat(body.getInt("total")).as(cell).isEqualTo(1);
                    assertThat(body.getList("items.id", String.class)).as(cell).containsExactly(phq9Id);
                }
                case INSTRUMENT_TREND -> {
                    assertThat(body.getString("instrument")).as(cell).isEqualTo("phq-9");
                    assertThat(body.getList("results.questionnaireId", String.class)).as(cell).containsExactly(phq9Id);
                }
                case AUDIT_LOG -> {
                    assertThat(body.getInt("total")).as(cell).isPositive();
                    assertThat(body.getList("items.patientId", String.class)).as(cell)
                            .containsOnly(patientId.toString());
                }
                default -> throw new IllegalStateException(endpoint + " is not a read");
            }
        }

        /** How many audit entries of this action the actor left on the row's patient. */
        int audited(Users who, String action) {
            return as(admin).queryParam("patientId", patientId).queryParam("actor", who.subject())
                    .queryParam("action", action).get("/audit-log").then().statusCode(200).extract().path("total");
        }

        Snapshot snapshot() {
            Response timeline = as(admin).queryParam("size", 100).get("/patients/{id}/timeline", patientId);
            if (timeline.statusCode() != 200) {
                return new Snapshot(timeline.statusCode(), List.of(), 0, 0);
            }
            List<String> entries = new ArrayList<>();
            List<Map<String, Object>> items = timeline.jsonPath().getList("items");
            for (Map<String, Object> item : items) {
                entries.add(item.get("kind") + " " + item.get("itemId") + " " + item.get("summary"));
            }
            int checkIns = as(admin).get("/patients/{id}/check-ins", patientId).then().statusCode(200)
                    .extract().path("total");
            int questionnaires = as(admin).get("/patients/{id}/questionnaires/odi", patientId).then().statusCode(200)
                    .extract().path("total");
            return new Snapshot(200, entries, checkIns, questionnaires);
        }
    }
}
