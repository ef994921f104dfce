package org.backcare.notification.event;

import org.backcare.platform.events.ProcessedEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.notification.inbox.Notification;
import org.backcare.notification.patient.PatientProjection;
import org.backcare.notification.testsupport.Awaiting;
import org.backcare.notification.testsupport.Events;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer side of the event contracts (deploy/asyncapi.yaml, version 1): one document of every event type of
 * the three topics, shaped as the producers send it, and what this service makes of it. Unknown versions and
 * unreadable messages are skipped without stopping the consumer.
 */
@QuarkusTest
class EventContractTest {

    @Inject
    EventHandler handler;

    private final Users doc = Users.physician();
    private final Users pt = Users.physicalTherapist();
    private final Users psy = Users.psychologist();
    private final Users patient = Users.patient();

    /** Every documented event type, with a version-1 data document and the kinds of notification it causes. */
    private Map<String, Fixture> fixtures(UUID planId) {
        Map<String, Fixture> f = new LinkedHashMap<>();
        ObjectNode member = (ObjectNode) PatientEvents.team(List.of(psy)).get(0);
        ObjectNode teamChange = Events.object().put("changedBy", doc.subject());
        teamChange.set("member", member);
        teamChange.set("careTeam", PatientEvents.team(List.of(doc, pt, psy)));
        f.put("PatientUpdated", new Fixture("patient-events",
                PatientEvents.snapshot(patient, List.of("kidney-disease"), "mechanical", List.of(doc, pt)), Set.of()));
        f.put("CareTeamMemberAdded", new Fixture("patient-events", teamChange, Set.of("care-team-joined")));
        f.put("CareTeamMemberRemoved", new Fixture("patient-events", teamChange.deepCopy(), Set.of()));
        ObjectNode redFlag = Events.object().put("screeningId", UUID.randomUUID().toString())
                .put("screenedBy", doc.subject()).put("screenedAt", Instant.now().toString()).put("priority", "urgent");
        redFlag.putArray("findings").addObject().put("redFlag", "fever").put("description", "Fever");
        f.put("RedFlagRaised", new Fixture("patient-events", redFlag, Set.of("red-flag", "urgent-care-guidance")));
        ObjectNode referral = Events.object().put("questionnaireId", UUID.randomUUID().toString())
                .put("day", LocalDate.now().toString()).put("stratum", "high").put("raisedAt", Instant.now().toString())
                .put("message", "STarT Back high risk and no psychologist on the care team: consider a referral");
        referral.putArray("audience").add("physician");
        f.put("PsychologyReferralNeeded", new Fixture("patient-events", referral, Set.of("psychology-referral")));
        f.put("UrgentReviewResolved", new Fixture("patient-events", Events.object().put("resolvedBy", doc.subject())
                .put("resolvedAt", Instant.now().toString()).put("note", "ok"), Set.of()));

        ObjectNode plan = Events.object().put("id", planId.toString()).put("status", "active")
                .put("ownerSubject", doc.subject()).put("reviewDate", "2026-12-21");
        plan.putObject("sections").putObject("flare-up").putObject("content").putArray("steps").addObject()
                .put("action", "heat").put("instruction", "Heat 15 minutes");
        for (String type : List.of("PlanCreated", "PlanActivated", "PlanRevised")) {
            ObjectNode change = Events.object().put("planId", planId.toString()).put("revision", 3)
                    .put("changed", "exercises").put("summary", "exercises section revised").put("changedBy", pt.subject());
            change.set("plan", plan);
            f.put(type, new Fixture("plan-events", change, type.equals("PlanCreated") ? Set.of() : Set.of("plan-changed")));
        }
        f.put("PlanStatusChanged", new Fixture("plan-events", Events.object().put("planId", planId.toString())
                .put("from", "active").put("to", "on-hold").put("changedBy", doc.subject()), Set.of()));
        f.put("PlanReviewDue", new Fixture("plan-events", Events.object().put("planId", planId.toString())
                .put("reviewDate", "2026-11-20").put("daysOverdue", 3).put("ownerSubject", doc.subject()),
                Set.of("plan-review-due")));
        for (String type : List.of("MedicationPrescribed", "MedicationChanged", "MedicationStopped")) {
            ObjectNode med = Events.object().put("planId", planId.toString()).put("revision", 4).put("drugClass", "nsaid")
                    .put("changedBy", "another-physician");
            med.putObject("medication").put("id", UUID.randomUUID().toString()).put("drug", "naproxen").put("dose", 250)
                    .put("unit", "mg").put("startDate", "2026-11-23").putArray("acknowledgedWarnings").add("nsaid-no-end-date");
            f.put(type, new Fixture("plan-events", med,
                    type.equals("MedicationStopped") ? Set.of() : Set.of("medication-warning")));
        }
        f.put("AssessmentDue", new Fixture("plan-events", Events.object().put("planId", planId.toString())
                .put("instrument", "phq-9").put("dueDay", "2026-12-07").put("discipline", "psychologist"),
                Set.of("assessment-due")));
        f.put("AssessmentOverdue", new Fixture("plan-events", Events.object().put("planId", planId.toString())
                .put("instrument", "phq-9").put("dueDay", "2026-11-30").put("daysOverdue", 7)
                .put("discipline", "psychologist"), Set.of("assessment-overdue")));
        ObjectNode mention = Events.object().put("noteId", UUID.randomUUID().toString()).put("version", 1)
                .put("kind", "handover").put("authorSubject", pt.subject()).put("authorDiscipline", "physical-therapist");
        mention.putArray("mentionedSubjects").add(doc.subject());
        f.put("NoteMentioned", new Fixture("plan-events", mention, Set.of("note-mention")));

        f.put("CheckInRecorded", new Fixture("tracking-events", Events.object().put("checkInId", UUID.randomUUID().toString())
                .put("day", LocalDate.now().toString()).put("pain", 4).put("legSymptoms", false).put("update", false)
                .set("redFlags", Events.object().arrayNode()), Set.of()));
        f.put("QuestionnaireCompleted", new Fixture("tracking-events", Events.object()
                .put("questionnaireId", UUID.randomUUID().toString()).put("kind", "odi").put("score", 30)
                .put("baselineScore", 42).put("change", -12).put("clinicallyImportantChange", true), Set.of()));
        ObjectNode instrument = Events.object().put("questionnaireId", UUID.randomUUID().toString())
                .put("instrument", "phq-9").put("version", "1").put("day", LocalDate.now().toString()).put("score", 14)
                .put("prorated", false).put("band", "moderate").put("bandLabel", "Moderate").put("higherIsWorse", true)
                .put("changePoints", 6).put("mcidPoints", 5).put("clinicallyImportantChange", true)
                .put("direction", "worse");
        instrument.putObject("subscales");
        instrument.putArray("flags");
        instrument.putObject("previous").put("questionnaireId", UUID.randomUUID().toString())
                .put("day", LocalDate.now().minusDays(28).toString()).put("score", 8);
        // The alerts about a result come as their own events; the result itself notifies no one.
        f.put("InstrumentCompleted", new Fixture("tracking-events", instrument, Set.of()));
        Map<String, Set<String>> alerts = new LinkedHashMap<>();
        alerts.put("RedFlagSymptomReported", Set.of("red-flag", "urgent-care-guidance"));
        alerts.put("FlareDetected", Set.of("flare", "flare-guidance"));
        alerts.put("WorseningTrend", Set.of("worsening-trend"));
        alerts.put("ImprovingTrend", Set.of("improving-trend"));
        alerts.put("LowExerciseAdherence", Set.of("low-exercise-adherence", "exercise-encouragement"));
        alerts.put("NsaidOveruse", Set.of("nsaid-overuse"));
        alerts.put("PoorSleep", Set.of("poor-sleep"));
        alerts.put("CheckInsMissed", Set.of("check-in-reminder"));
        alerts.put("OdiChanged", Set.of("odi-change"));
        alerts.forEach((type, kinds) -> {
            ObjectNode data = Events.object().put("alert", "x").put("priority", "high").put("message", type + " message")
                    .put("raisedAt", Instant.now().toString());
            data.putObject("details").put("days", 3);
            f.put(type, new Fixture("tracking-events", data, kinds));
        });
        f.put("SelfHarmRiskReported", new Fixture("tracking-events", Events.selfHarmRiskData(),
                Set.of("self-harm-risk", "crisis-guidance")));
        f.put("PsychologicalDistressDetected", new Fixture("tracking-events", questionnaireAlert("psychological-distress",
                "high", "gad-7", 11, "moderate", "psychologist"), Set.of("psychological-distress")));
        f.put("FearAvoidanceDetected", new Fixture("tracking-events", questionnaireAlert("fear-avoidance", "normal",
                "tsk-11", 38, "high", "psychologist", "physical-therapist"), Set.of("fear-avoidance")));
        return f;
    }

    /** A questionnaire alert as tracking-service sends it: AlertRaised with QuestionnaireAlertDetails. */
    private static ObjectNode questionnaireAlert(String alert, String priority, String instrument, int score, String band,
                                                 String... audience) {
        ObjectNode data = Events.object().put("alert", alert).put("priority", priority)
                .put("message", instrument + " " + score + " (" + band + ")").put("raisedAt", Instant.now().toString());
        ObjectNode details = data.putObject("details").put("questionnaireId", UUID.randomUUID().toString())
                .put("instrument", instrument).put("version", "1").put("day", LocalDate.now().toString())
                .put("score", score).put("band", band);
        details.putArray("flags");
        var roles = details.putArray("audience");
        for (String role : audience) {
            roles.add(role);
        }
        return data;
    }

    private record Fixture(String topic, ObjectNode data, Set<String> kinds) {
    }

    @Test
    void everyDocumentedEventTypeIsReadAndRoutedAsDocumented() throws IOException {
        UUID patientId = UUID.randomUUID();
        assertThat(handler.handle("patient-events", envelope("PatientRegistered", patientId, 1,
                PatientEvents.snapshot(patient, List.of(), "mechanical", List.of(doc, pt))).toString())).isTrue();
        Map<String, Fixture> fixtures = fixtures(UUID.randomUUID());

        Set<String> documented = documentedTypes();
        assertThat(fixtures.keySet()).as("a fixture for every type in deploy/asyncapi.yaml")
                .containsAll(documented.stream().filter(t -> !t.equals("PatientRegistered") && !t.equals("PatientDischarged"))
                        .toList());

        for (Map.Entry<String, Fixture> e : fixtures.entrySet()) {
            UUID eventId = UUID.randomUUID();
            assertThat(handler.handle(e.getValue().topic(), envelope(e.getKey(), patientId, 1, e.getValue().data())
                    .put("id", eventId.toString()).toString())).as(e.getKey()).isTrue();
            Set<String> kinds = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                    "sourceEventId", eventId).stream().map(n -> n.kind).collect(Collectors.toSet()));
            assertThat(kinds).as("notifications caused by " + e.getKey()).isEqualTo(e.getValue().kinds());
        }
        PatientProjection projected = QuarkusTransaction.requiringNew().call(() -> {
            PatientProjection p = PatientProjection.findById(patientId);
            p.careTeam.size();
            return p;
        });
        assertThat(projected.careTeam).extracting(m -> m.subject)
                .containsExactlyInAnyOrder(doc.subject(), pt.subject(), psy.subject());
        assertThat(projected.lastCheckInDay).isEqualTo(LocalDate.now());

        assertThat(handler.handle("patient-events", envelope("PatientDischarged", patientId, 1, Events.object()
                .put("reason", "goals met").put("dischargedAt", Instant.now().toString()).put("dischargedBy", doc.subject()))
                .toString())).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> PatientProjection.<PatientProjection>findById(patientId).status))
                .isEqualTo("discharged");
    }

    @Test
    void anUnknownVersionOrAnUnreadableMessageIsSkippedAndTheConsumerGoesOn() {
        TestPatientIds ids = new TestPatientIds(PatientEvents.registered(patient, List.of(), "mechanical", doc).id());
        ObjectNode v2 = envelope("WorseningTrend", ids.patient, 2, Events.object().put("message", "from the future"));
        assertThat(handler.handle("tracking-events", v2.toString())).isFalse();
        assertThat(handler.handle("tracking-events", "{not json")).isFalse();
        assertThat(handler.handle("tracking-events", "{\"type\":\"WorseningTrend\"}")).isFalse();
        // A known type whose data cannot be read: recorded as handled without effect, never retried.
        ObjectNode badDay = envelope("CheckInRecorded", ids.patient, 1, Events.object().put("day", "yesterday"));
        assertThat(handler.handle("tracking-events", badDay.toString())).isFalse();
        UUID badDayId = UUID.fromString(badDay.get("id").asText());
        Object recorded = QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(badDayId));
        assertThat(recorded).isNotNull();

        // The same through Kafka: the bad messages come first on the partition, the good one is still handled.
        PatientEvents.send("tracking-events", ids.patient.toString(), "{not json");
        PatientEvents.sendTo("tracking-events", envelope("WorseningTrend", ids.patient, 2, Events.object()));
        UUID good = Events.trackingAlert("WorseningTrend", "worsening-trend", "high", ids.patient, "Pain rising");
        Awaiting.handled(good);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("patientId = ?1 and kind = ?2",
                ids.patient, "worsening-trend"))).isEqualTo(1L);
        UUID skipped = UUID.fromString(v2.get("id").asText());
        Object processed = QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(skipped));
        assertThat(processed).isNull();
    }

    private record TestPatientIds(UUID patient) {
    }

    private static ObjectNode envelope(String type, UUID patientId, int version, ObjectNode data) {
        ObjectNode envelope = PatientEvents.envelope(UUID.randomUUID(), type, patientId, data);
        envelope.put("version", version);
        return envelope;
    }

    /** The event types deploy/asyncapi.yaml documents (its {@code type: {const: X}} lines). */
    private static Set<String> documentedTypes() throws IOException {
        String spec = Files.readString(Path.of("../deploy/asyncapi.yaml"));
        Matcher m = Pattern.compile("type: \\{const: (\\w+)}").matcher(spec);
        Set<String> types = new java.util.TreeSet<>();
        while (m.find()) {
            types.add(m.group(1));
        }
        assertThat(types).hasSizeGreaterThan(20);
        return types;
    }
}
