package org.backcare.plan.patient;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.plan.testsupport.Awaiting;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.backcare.plan.testsupport.Api.as;

/**
 * The consumer side of the patient-events contract (deploy/asyncapi.yaml): events shaped exactly as documented
 * drive who may see and edit plans, and a redelivered event changes nothing.
 */
@QuarkusTest
class PatientEventsContractTest {

    @Inject
    DataSource dataSource;

    @Test
    void theDocumentedExampleRegistersThePatientAndTheirTeam() {
        // The PatientRegistered example of deploy/asyncapi.yaml, with fresh ids.
        UUID patientId = UUID.randomUUID();
        Users physician = Users.physician();
        String example = """
                {"id": "%s", "type": "PatientRegistered", "version": 1, "occurredAt": "2026-11-23T09:15:00Z",
                 "source": "patient-service", "patientId": "%s",
                 "data": {"givenName": "Anna", "familyName": "Berg", "birthDate": "1978-04-02", "sex": "female",
                   "email": "anna.berg@example.org", "preferredLanguage": "sv", "oidcSubject": "5b8e6c1e-6a6a-4c2e-9a55-0a1f0e6f9a01",
                   "painOnsetDate": "2025-09-01", "painType": "mechanical", "comorbidities": ["kidney-disease"],
                   "status": "active", "urgentReview": false,
                   "careTeam": [{"subject": "%s", "role": "physician", "displayName": "Dr. Gregory House",
                                 "email": null, "addedAt": "2026-11-23T09:15:00Z"}]}}"""
                .formatted(UUID.randomUUID(), patientId, physician.subject());
        PatientEvents.sendRaw(patientId.toString(), example);
        Awaiting.projected(patientId, physician);
        as(Users.physician()).get("/patients/{id}/plans", patientId).then().statusCode(404);
    }

    @Test
    void careTeamChangesGrantAndRevokeAccess() {
        Users physician = Users.physician();
        Users therapist = Users.physicalTherapist();
        TestPatient patient = PatientEvents.registered(physician);
        as(therapist).get("/patients/{id}/plans", patient.id()).then().statusCode(404);

        ObjectNode added = PatientEvents.envelope(UUID.randomUUID(), "CareTeamMemberAdded", patient.id(), null);
        added.putObject("data").set("careTeam", PatientEvents.team(List.of(physician, therapist)));
        PatientEvents.send(added);
        Awaiting.projected(patient.id(), therapist);

        ObjectNode removed = PatientEvents.envelope(UUID.randomUUID(), "CareTeamMemberRemoved", patient.id(), null);
        removed.putObject("data").set("careTeam", PatientEvents.team(List.of(physician)));
        PatientEvents.send(removed);
        Awaiting.until(() -> as(therapist).get("/patients/{id}/plans", patient.id()).statusCode() == 404,
                Duration.ofSeconds(30), "therapist loses access");

        // The same CareTeamMemberAdded delivered again (same event id) must not bring the therapist back.
        PatientEvents.send(added);
        Awaiting.until(() -> as(physician).get("/patients/{id}/plans", patient.id()).statusCode() == 200,
                Duration.ofSeconds(5), "physician keeps access");
        sendMarker(patient.id(), physician);
        as(therapist).get("/patients/{id}/plans", patient.id()).then().statusCode(404);
    }

    @Test
    void thePatientReadsTheirOwnPlansOnly() {
        Users physician = Users.physician();
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician);
        as(patientLogin).get("/patients/{id}/plans", patient.id()).then().statusCode(200);
        as(Users.patient()).get("/patients/{id}/plans", patient.id()).then().statusCode(404);
    }

    @Test
    void eventsOfAnUnknownSchemaVersionOrUnreadableAreSkippedWithoutBlockingTheTopic() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        Users stranger = Users.physician();
        ObjectNode future = PatientEvents.envelope(UUID.randomUUID(), "CareTeamMemberAdded", patient.id(), null);
        future.put("version", 2);
        future.putObject("data").set("careTeam", PatientEvents.team(List.of(physician, stranger)));
        PatientEvents.send(future);
        PatientEvents.sendRaw(patient.id().toString(), "{not json");
        sendMarker(patient.id(), physician);
        as(stranger).get("/patients/{id}/plans", patient.id()).then().statusCode(404);
    }

    @Test
    void aDischargedPatientGetsNoNewPlan() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        ObjectNode discharged = PatientEvents.envelope(UUID.randomUUID(), "PatientDischarged", patient.id(), null);
        discharged.putObject("data").put("reason", "done").put("dischargedAt", "2026-11-23T10:00:00Z")
                .put("dischargedBy", physician.subject());
        PatientEvents.send(discharged);
        Awaiting.until(() -> as(physician).body(java.util.Map.of("title", "x"))
                        .post("/patients/{id}/plans", patient.id()).statusCode() == 409,
                Duration.ofSeconds(30), "discharge projected");
    }

    /**
     * A failure while applying an event (here the database refusing the new member, as during a PostgreSQL restart)
     * is retried until it succeeds, not parked on the dead-letter topic at once: the care-team change is not lost.
     * The trigger counts its refusals in a sequence, which survives the rollbacks.
     */
    @Test
    void aCareTeamChangeThatFailsIsRetriedUntilTheDatabaseAcceptsIt() {
        Users physician = Users.physician();
        Users therapist = Users.physicalTherapist();
        TestPatient patient = PatientEvents.registered(physician);
        sql("create table if not exists test_refused_subject (subject varchar(255) primary key)",
                "create sequence if not exists test_refusals",
                """
                create or replace function test_refuse_member() returns trigger as $$
                begin
                    if exists (select 1 from test_refused_subject where subject = new.subject) then
                        perform nextval('test_refusals');
                        raise exception 'database unavailable (test)';
                    end if;
                    return new;
                end $$ language plpgsql""",
                "drop trigger if exists test_refuse_member on care_team_member",
                "create trigger test_refuse_member before insert on care_team_member for each row "
                        + "execute function test_refuse_member()",
                "insert into test_refused_subject values ('" + therapist.subject() + "')");
        try {
            long before = refusals();
            ObjectNode added = PatientEvents.envelope(UUID.randomUUID(), "CareTeamMemberAdded", patient.id(), null);
            added.putObject("data").set("careTeam", PatientEvents.team(List.of(physician, therapist)));
            PatientEvents.send(added);
            Awaiting.until(() -> refusals() >= before + 3, Duration.ofSeconds(30), "three refused attempts");
            as(therapist).get("/patients/{id}/plans", patient.id()).then().statusCode(404);

            sql("delete from test_refused_subject");
            Awaiting.projected(patient.id(), therapist);
        } finally {
            sql("drop trigger if exists test_refuse_member on care_team_member", "delete from test_refused_subject");
        }
    }

    private void sql(String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long refusals() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select case when is_called then last_value else 0 end from test_refusals")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Events of one patient are consumed in order: once a later marker event is applied, every earlier one has been
     * too. The marker is a PatientUpdated that keeps the team as it is and adds a comorbidity we can observe.
     */
    private static void sendMarker(UUID patientId, Users physician) {
        String marker = UUID.randomUUID().toString();
        ObjectNode updated = PatientEvents.envelope(UUID.randomUUID(), "PatientUpdated", patientId,
                PatientEvents.snapshot(null, List.of(), "mechanical", List.of(physician)));
        ((ObjectNode) updated.get("data")).put("familyName", marker);
        PatientEvents.send(updated);
        Awaiting.until(() -> marker.equals(PatientProjectionProbe.familyName(patientId)), Duration.ofSeconds(30),
                "marker event applied");
    }
}
