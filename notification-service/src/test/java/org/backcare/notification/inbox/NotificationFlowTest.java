package org.backcare.notification.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Events from the three topics, through the real consumers, into the right inboxes: once, and only there. */
@QuarkusTest
class NotificationFlowTest {

    @Test
    void aRedFlagReachesEveryPhysicianOnceAndTellsThePatientToSeekUrgentCare() {
        Users doc = Users.physician();
        Users doc2 = Users.physician();
        Users pt = Users.physicalTherapist();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc, doc2, pt);

        UUID event = Events.redFlagRaised(p.id(), doc.subject());

        for (Users physician : List.of(doc, doc2)) {
            Map<String, Object> n = awaitInbox(physician, p.id(), "red-flag", 1).get(0);
            assertThat(n).containsEntry("priority", "urgent").containsEntry("read", false);
            assertThat((String) n.get("message")).contains("Recent significant trauma").contains("Anna Berg");
            assertThat(((Map<?, ?>) n.get("alert")).get("acknowledged")).isEqualTo(false);
        }
        Map<String, Object> guidance = awaitInbox(p.patient(), p.id(), "urgent-care-guidance", 1).get(0);
        assertThat((String) guidance.get("message")).contains("seek urgent care");
        assertThat(guidance.get("alert")).isNull();
        Awaiting.handled(event);
        assertThat(inbox(pt, p.id())).isEmpty();
        assertThat(inbox(doc, p.id())).hasSize(1);
    }

    @Test
    void aDuplicatedAndAReplayedEventNotifyNobodyTwice() {
        Users doc = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        ObjectNode data = Events.object();
        data.put("screeningId", UUID.randomUUID().toString()).put("screenedBy", doc.subject())
                .put("screenedAt", Instant.now().toString()).put("priority", "urgent");
        data.putArray("findings").addObject().put("redFlag", "fever").put("description", "Fever");
        UUID eventId = UUID.randomUUID();

        // Delivered twice at once (a producer retry), then replayed after it was handled (a consumer reset).
        Events.publish("patient-events", "patient-service", "RedFlagRaised", eventId, p.id(), data);
        Events.publish("patient-events", "patient-service", "RedFlagRaised", eventId, p.id(), data);
        Awaiting.handled(eventId);
        awaitInbox(doc, p.id(), "red-flag", 1);
        Events.publish("patient-events", "patient-service", "RedFlagRaised", eventId, p.id(), data);
        // A later event on the same partition proves the replay was consumed before we count.
        UUID later = Events.trackingAlert("WorseningTrend", "worsening-trend", "high", p.id(), "Pain rising");
        awaitInbox(doc, p.id(), "worsening-trend", 1);
        Events.publish("patient-events", "patient-service", "PatientUpdated", p.id(),
                PatientEvents.snapshot(p.patient(), List.of(), "mechanical", List.of(doc)));
        Awaiting.until(() -> inbox(doc, p.id()).size() >= 2, Duration.ofSeconds(10), "the later event");
        Awaiting.handled(later);

        assertThat(ofKind(inbox(doc, p.id()), "red-flag")).hasSize(1);
        assertThat(ofKind(inbox(p.patient(), p.id()), "urgent-care-guidance")).hasSize(1);
    }

    @Test
    void oneAcknowledgementStopsTheChaseForEveryone() {
        Users doc = Users.physician();
        Users doc2 = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc, doc2);
        Events.redFlagRaised(p.id(), doc.subject());
        String mine = (String) awaitInbox(doc, p.id(), "red-flag", 1).get(0).get("id");
        String theirs = (String) awaitInbox(doc2, p.id(), "red-flag", 1).get(0).get("id");
        as(doc2).get("/notifications/unread-count").then().statusCode(200)
                .body("awaitingAcknowledgement", greaterThanOrEqualTo(1));

        as(doc).post("/notifications/{id}/acknowledgement", mine).then().statusCode(200)
                .body("read", equalTo(true))
                .body("alert.acknowledged", equalTo(true))
                .body("alert.acknowledgedBy", equalTo(doc.subject()))
                .body("alert.nextEscalationAt", org.hamcrest.Matchers.nullValue());

        as(doc2).get("/notifications/{id}", theirs).then().statusCode(200)
                .body("alert.acknowledged", equalTo(true)).body("read", equalTo(false));
        as(doc2).get("/notifications/unread-count").then().statusCode(200)
                .body("awaitingAcknowledgement", equalTo(0)).body("unread", equalTo(1));
        // Acknowledging again changes nothing and says who took it on.
        as(doc2).post("/notifications/{id}/acknowledgement", theirs).then().statusCode(200)
                .body("alert.acknowledgedBy", equalTo(doc.subject()));
    }

    @Test
    void aNotificationIsVisibleToItsRecipientOnly() {
        Users doc = Users.physician();
        Users stranger = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        Events.redFlagRaised(p.id(), doc.subject());
        String id = (String) awaitInbox(doc, p.id(), "red-flag", 1).get(0).get("id");

        for (Users other : List.of(stranger, p.patient(), Users.admin(), Users.integrator())) {
            as(other).get("/notifications/{id}", id).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString(id));
            as(other).post("/notifications/{id}/read", id).then().statusCode(404);
            as(other).post("/notifications/{id}/acknowledgement", id).then().statusCode(404);
            assertThat(inbox(other, p.id())).noneMatch(n -> id.equals(n.get("id")));
        }
        as(doc).get("/notifications/{id}", id).then().statusCode(200).body("read", equalTo(false))
                .body("alert.acknowledged", equalTo(false));
    }

    @Test
    void readStateFiltersAndPaging() {
        Users doc = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        Events.trackingAlert("WorseningTrend", "worsening-trend", "high", p.id(), "Pain rising for 2 weeks");
        Events.trackingAlert("OdiChanged", "odi-change", "normal", p.id(), "ODI 40 -> 28");
        Events.trackingAlert("ImprovingTrend", "improving-trend", "normal", p.id(), "Pain down 3 points");
        Awaiting.until(() -> inbox(doc, p.id()).size() == 3, Duration.ofSeconds(30), "three notifications");

        String worsening = (String) ofKind(inbox(doc, p.id()), "worsening-trend").get(0).get("id");
        as(doc).post("/notifications/{id}/read", worsening).then().statusCode(200).body("read", equalTo(true));
        as(doc).post("/notifications/{id}/read", worsening).then().statusCode(200).body("read", equalTo(true));
        as(doc).post("/notifications/{id}/acknowledgement", worsening).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("mark it read"));

        as(doc).queryParam("patientId", p.id().toString()).queryParam("unread", "true").get("/notifications")
                .then().statusCode(200).body("total", equalTo(2));
        as(doc).queryParam("patientId", p.id().toString()).queryParam("unread", "false").get("/notifications")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].kind", equalTo("worsening-trend"));
        as(doc).queryParam("patientId", p.id().toString()).queryParam("priority", "high").get("/notifications")
                .then().statusCode(200).body("total", equalTo(1));
        as(doc).queryParam("patientId", p.id().toString()).queryParam("kind", "odi-change").get("/notifications")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].message", equalTo("ODI 40 -> 28"));
        as(doc).queryParam("patientId", p.id().toString()).queryParam("size", 2).queryParam("page", 1)
                .get("/notifications").then().statusCode(200)
                .body("total", equalTo(3)).body("totalPages", equalTo(2)).body("items.size()", equalTo(1));
        as(doc).get("/notifications/unread-count").then().statusCode(200).body("unread", equalTo(2));
        as(doc).post("/notifications/read-all").then().statusCode(200).body("marked", equalTo(2));
        as(doc).get("/notifications/unread-count").then().statusCode(200).body("unread", equalTo(0));
    }

    @Test
    void aFlareTellsThePhysicalTherapistAndGivesThePatientTheirFlareUpSteps() {
        Users doc = Users.physician();
        Users pt = Users.physicalTherapist();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc, pt);
        ObjectNode plan = Events.object();
        plan.put("id", UUID.randomUUID().toString()).put("patientId", p.id().toString()).put("status", "active")
                .put("ownerSubject", doc.subject());
        var steps = plan.putObject("sections").putObject("flare-up").putObject("content").putArray("steps");
        steps.addObject().put("action", "relative-rest").put("instruction", "Reduce load for 1-2 days but keep moving gently");
        steps.addObject().put("action", "call").put("instruction", "Call if it lasts over a week").put("contact", "PT desk, 555-0100");
        ObjectNode data = Events.object().put("planId", plan.get("id").asText()).put("revision", 2).put("changed", "plan")
                .put("summary", "status draft -> active").put("changedBy", doc.subject());
        data.set("plan", plan);
        Events.publish("plan-events", "plan-service", "PlanActivated", p.id(), data);
        awaitInbox(p.patient(), p.id(), "plan-changed", 1);

        Events.trackingAlert("FlareDetected", "flare", "high", p.id(), "Flare: pain 8/10 today");

        assertThat(awaitInbox(pt, p.id(), "flare", 1).get(0)).containsEntry("message", "Flare: pain 8/10 today");
        String guidance = (String) awaitInbox(p.patient(), p.id(), "flare-guidance", 1).get(0).get("message");
        assertThat(guidance).contains("1. Reduce load for 1-2 days but keep moving gently")
                .contains("2. Call if it lasts over a week (contact: PT desk, 555-0100)");
        assertThat(ofKind(inbox(doc, p.id()), "flare")).isEmpty();
        // The one who activated the plan is not told about it; the patient is.
        assertThat(ofKind(inbox(doc, p.id()), "plan-changed")).isEmpty();
    }

    @Test
    void planReviewDueGoesToTheOwnerAndANewTeamMemberIsWelcomed() {
        Users doc = Users.physician();
        Users psy = Users.psychologist();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        ObjectNode due = Events.object().put("planId", UUID.randomUUID().toString()).put("reviewDate", "2026-11-20")
                .put("daysOverdue", 3).put("ownerSubject", doc.subject());
        Events.publish("plan-events", "plan-service", "PlanReviewDue", p.id(), due);
        assertThat((String) awaitInbox(doc, p.id(), "plan-review-due", 1).get(0).get("message"))
                .contains("2026-11-20");

        ObjectNode change = Events.object().put("changedBy", doc.subject());
        change.set("member", PatientEvents.team(List.of(psy)).get(0));
        change.set("careTeam", PatientEvents.team(List.of(doc, psy)));
        Events.publish("patient-events", "patient-service", "CareTeamMemberAdded", p.id(), change);
        assertThat((String) awaitInbox(psy, p.id(), "care-team-joined", 1).get(0).get("message"))
                .contains("psychologist");
        // The new member is on the team now: the next team-wide alert reaches them.
        Events.trackingAlert("WorseningTrend", "worsening-trend", "high", p.id(), "Pain rising");
        awaitInbox(psy, p.id(), "worsening-trend", 1);
    }

    @Test
    void aRedFlagWithoutAPhysicianGoesToTheAdminsAndResolvingTheReviewClosesIt() {
        Users pt = Users.physicalTherapist();
        Users admin = Users.admin();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", pt);
        Events.redFlagRaised(p.id(), pt.subject());
        Map<String, Object> queued = awaitInbox(admin, p.id(), "red-flag", 1).get(0);
        assertThat(queued).containsEntry("sentToRole", "admin");
        // Every admin sees the shared queue item.
        assertThat(ofKind(inbox(Users.admin(), p.id()), "red-flag")).hasSize(1);

        ObjectNode resolved = Events.object().put("resolvedBy", "physician-x").put("resolvedAt", Instant.now().toString())
                .put("note", "Seen in clinic, no fracture");
        UUID event = Events.publish("patient-events", "patient-service", "UrgentReviewResolved", p.id(), resolved);
        Awaiting.handled(event);
        as(admin).get("/notifications/{id}", queued.get("id")).then().statusCode(200)
                .body("alert.acknowledged", equalTo(true)).body("alert.acknowledgedBy", equalTo("physician-x"));
    }
}
