package org.backcare.notification.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.backcare.notification.inbox.Notification;
import org.backcare.notification.testsupport.Awaiting;
import org.backcare.notification.testsupport.Events;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.notification.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.notification.testsupport.Api.as;
import static org.backcare.notification.testsupport.Api.awaitInbox;
import static org.backcare.notification.testsupport.Api.inbox;
import static org.backcare.notification.testsupport.Api.ofKind;
import static org.hamcrest.Matchers.equalTo;

/** Urgent alerts are chased until acknowledged: with a 3-second timeout instead of 30 minutes. */
@QuarkusTest
@TestProfile(EscalationTest.ShortTimeout.class)
class EscalationTest {

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backcare.escalation.timeout", "3s", "backcare.escalation.check-interval", "200ms");
        }
    }

    @Test
    void anUnacknowledgedRedFlagGoesToTheRestOfTheTeamThenToTheAdmins() {
        Users doc = Users.physician();
        Users pt = Users.physicalTherapist();
        Users psy = Users.psychologist();
        Users admin = Users.admin();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc, pt, psy);
        Events.redFlagRaised(p.id(), doc.subject());
        String first = (String) awaitInbox(doc, p.id(), "red-flag", 1).get(0).get("id");

        Map<String, Object> toPt = awaitInbox(pt, p.id(), "escalation", 1).get(0);
        assertThat(toPt).containsEntry("priority", "urgent").containsEntry("escalationLevel", 1);
        awaitInbox(psy, p.id(), "escalation", 1);
        Map<String, Object> toAdmins = awaitInbox(admin, p.id(), "escalation", 1).get(0);
        assertThat(toAdmins).containsEntry("escalationLevel", 2).containsEntry("sentToRole", "admin");
        // The escalation is recorded on the first notification's alert, too.
        as(doc).get("/notifications/{id}", first).then().statusCode(200)
                .body("alert.acknowledged", equalTo(false));
        Awaiting.until(() -> (int) as(doc).get("/notifications/{id}", first).jsonPath().getInt("alert.escalationLevel") >= 2,
                Duration.ofSeconds(10), "level 2 on the alert");

        String alertPath = "/alerts/" + ((Map<?, ?>) toAdmins.get("alert")).get("id");
        as(doc).get(alertPath).then().statusCode(200)
                .body("escalations[0].level", equalTo(1))
                .body("escalations[0].recipients", org.hamcrest.Matchers.containsInAnyOrder(pt.subject(), psy.subject()))
                .body("escalations[1].level", equalTo(2))
                .body("escalations[1].recipients", org.hamcrest.Matchers.contains("role:admin"));
        as(Users.physician()).get(alertPath).then().statusCode(404);
        as(p.patient()).get(alertPath).then().statusCode(404);

        // An admin takes it on from the escalation: the chase stops for everyone.
        as(admin).post("/notifications/{id}/acknowledgement", toAdmins.get("id")).then().statusCode(200)
                .body("alert.acknowledged", equalTo(true)).body("alert.acknowledgedBy", equalTo(admin.subject()));
        as(doc).get("/notifications/{id}", first).then().statusCode(200).body("alert.acknowledged", equalTo(true));
        int escalations = ofKind(inbox(admin, p.id()), "escalation").size();
        sleep(Duration.ofSeconds(4));
        assertThat(ofKind(inbox(admin, p.id()), "escalation")).hasSize(escalations);
        UUID alertId = UUID.fromString((String) ((Map<?, ?>) toAdmins.get("alert")).get("id"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> AlertEscalation.count("alertId", alertId)))
                .isEqualTo(escalations + 1L);
    }

    @Test
    void anAcknowledgedRedFlagIsNotEscalated() {
        Users doc = Users.physician();
        Users pt = Users.physicalTherapist();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc, pt);
        Events.redFlagRaised(p.id(), doc.subject());
        String id = (String) awaitInbox(doc, p.id(), "red-flag", 1).get(0).get("id");
        as(doc).post("/notifications/{id}/acknowledgement", id).then().statusCode(200);

        sleep(Duration.ofSeconds(5));
        assertThat(inbox(pt, p.id())).isEmpty();
        assertThat(ofKind(inbox(Users.admin(), p.id()), "escalation")).isEmpty();
    }

    @Test
    void anAlertLeftByAPreviousRunIsEscalatedFromTheDatabaseAlone() {
        // What a service that stopped before the timeout leaves behind: rows, and nothing in memory.
        Users doc = Users.physician();
        Users pt = Users.physicalTherapist();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc, pt);
        UUID alertId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Alert alert = new Alert();
            alert.id = alertId;
            alert.patientId = p.id();
            alert.sourceEventId = UUID.randomUUID();
            alert.kind = "red-flag";
            alert.summary = "URGENT red flag: Anna Berg";
            alert.raisedAt = Instant.now().minus(Duration.ofHours(2));
            alert.nextEscalationAt = Instant.now().minus(Duration.ofHours(1));
            alert.persist();
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.recipientSubject = doc.subject();
            n.patientId = p.id();
            n.sourceEventId = alert.sourceEventId;
            n.alertId = alertId;
            n.kind = "red-flag";
            n.priority = "urgent";
            n.title = alert.summary;
            n.message = "Red flag";
            n.createdAt = alert.raisedAt;
            n.persist();
        });

        assertThat(awaitInbox(pt, p.id(), "escalation", 1).get(0)).containsEntry("escalationLevel", 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>findById(alertId).escalationLevel))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUnacknowledgedSelfHarmRiskIsChasedAndThePatientGetsCrisisGuidanceAtOnce() {
        Users doc = Users.physician();
        Users pt = Users.physicalTherapist();
        Users psy = Users.psychologist();
        Users patient = Users.patient();
        TestPatient p = PatientEvents.registered(patient, List.of(), "mechanical", doc, pt, psy);
        Events.selfHarmRisk(p.id());

        Map<String, Object> toPsy = awaitInbox(psy, p.id(), "self-harm-risk", 1).get(0);
        Map<String, Object> toDoc = awaitInbox(doc, p.id(), "self-harm-risk", 1).get(0);
        assertThat(toPsy).containsEntry("priority", "urgent");
        assertThat(toDoc).containsEntry("priority", "urgent");
        assertThat(((Map<?, ?>) toPsy.get("alert")).get("id")).isEqualTo(((Map<?, ?>) toDoc.get("alert")).get("id"));
        Map<String, Object> guidance = awaitInbox(patient, p.id(), "crisis-guidance", 1).get(0);
        assertThat(guidance).containsEntry("priority", "urgent");
        assertThat((String) guidance.get("message")).contains("call your local emergency number or a crisis line");
        assertThat(ofKind(inbox(patient, p.id()), "self-harm-risk")).isEmpty();

        // Nobody acknowledges: the rest of the team (the physical therapist) is told, then the admins.
        assertThat(awaitInbox(pt, p.id(), "escalation", 1).get(0)).containsEntry("priority", "urgent")
                .containsEntry("escalationLevel", 1);
        awaitInbox(Users.admin(), p.id(), "escalation", 1);

        // The psychologist takes it on: acknowledged for everyone.
        as(psy).post("/notifications/{id}/acknowledgement", toPsy.get("id")).then().statusCode(200)
                .body("alert.acknowledged", equalTo(true)).body("alert.acknowledgedBy", equalTo(psy.subject()));
        as(doc).get("/notifications/{id}", toDoc.get("id")).then().statusCode(200).body("alert.acknowledged", equalTo(true));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
