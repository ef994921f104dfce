package org.backcare.notification.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each routing rule: who is told, with which kind and priority. Pure, no Quarkus. */
class RoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATIENT = "patient-1";
    private static final String DOC = "doc-1";
    private static final String DOC2 = "doc-2";
    private static final String PT = "pt-1";
    private static final String PSY = "psy-1";

    private static PatientContext team(String... subjectsAndRoles) {
        List<PatientContext.Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < subjectsAndRoles.length; i += 2) {
            members.add(new PatientContext.Member(subjectsAndRoles[i], subjectsAndRoles[i + 1], subjectsAndRoles[i]));
        }
        return new PatientContext(UUID.randomUUID(), PATIENT, "Anna Berg", members, DOC, List.of());
    }

    private static final PatientContext FULL_TEAM = team(DOC, "physician", DOC2, "physician", PT, "physical-therapist",
            PSY, "psychologist");

    private static IncomingEvent event(String type, ObjectNode data) {
        return new IncomingEvent(UUID.randomUUID(), type, UUID.randomUUID(), Instant.parse("2026-11-23T10:00:00Z"), data);
    }

    private static ObjectNode alert(String message) {
        ObjectNode data = JSON.createObjectNode();
        data.put("alert", "x").put("priority", "high").put("message", message).put("raisedAt", "2026-11-23T10:00:00Z");
        data.putObject("details");
        return data;
    }

    private static ObjectNode redFlagScreening() {
        ObjectNode data = JSON.createObjectNode();
        data.putArray("findings").addObject().put("redFlag", "recent-significant-trauma")
                .put("description", "Recent significant trauma");
        data.put("screenedBy", DOC).put("priority", "urgent");
        return data;
    }

    @Test
    void redFlagGoesUrgentToEveryPhysicianAndGuidesThePatient() {
        List<Notice> notices = Routing.route(event("RedFlagRaised", redFlagScreening()), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind, Notice::priority, Notice::needsAcknowledgement)
                .containsExactlyInAnyOrder(
                        tuple(DOC, "red-flag", Priority.URGENT, true),
                        tuple(DOC2, "red-flag", Priority.URGENT, true),
                        tuple(PATIENT, "urgent-care-guidance", Priority.URGENT, false));
        assertThat(notices.get(0).message()).contains("Recent significant trauma").contains("Anna Berg");
        assertThat(notices.get(2).message()).contains("seek urgent care");
    }

    @Test
    void reportedRedFlagSymptomsAreRoutedLikeAScreening() {
        List<Notice> notices = Routing.route(event("RedFlagSymptomReported", alert("Red-flag symptoms: fever")), FULL_TEAM);
        assertThat(notices).filteredOn(Notice::needsAcknowledgement).extracting(n -> n.recipient().key())
                .containsExactlyInAnyOrder(DOC, DOC2);
        assertThat(notices.get(0).message()).startsWith("Red-flag symptoms: fever");
    }

    @Test
    void redFlagWithoutAPhysicianOnTheTeamGoesToTheAdmins() {
        List<Notice> notices = Routing.route(event("RedFlagRaised", redFlagScreening()), team(PT, "physical-therapist"));
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::needsAcknowledgement)
                .containsExactlyInAnyOrder(tuple("role:admin", true), tuple(PATIENT, false));
    }

    @Test
    void flareGoesToThePhysicalTherapistAndThePatientWithTheFlareUpSteps() {
        PatientContext withPlan = new PatientContext(UUID.randomUUID(), PATIENT, "Anna Berg", FULL_TEAM.team(), DOC,
                List.of("Reduce load for 1-2 days but keep moving gently", "Heat for 15 minutes"));
        List<Notice> notices = Routing.route(event("FlareDetected", alert("Flare: pain 8/10")), withPlan);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind, Notice::priority)
                .containsExactlyInAnyOrder(tuple(PT, "flare", Priority.HIGH), tuple(PATIENT, "flare-guidance", Priority.HIGH));
        assertThat(notices).filteredOn(n -> n.kind().equals("flare-guidance")).first().extracting(Notice::message)
                .asString().contains("1. Reduce load for 1-2 days").contains("2. Heat for 15 minutes");
    }

    @Test
    void flareGuidanceWithoutAPlanStillHelps() {
        List<Notice> notices = Routing.route(event("FlareDetected", alert("Flare")), FULL_TEAM);
        assertThat(notices).filteredOn(n -> n.kind().equals("flare-guidance")).first().extracting(Notice::message)
                .asString().contains("Keep moving gently");
    }

    @Test
    void worseningTrendGoesToTheWholeTeamOnly() {
        assertThat(Routing.route(event("WorseningTrend", alert("Pain rising")), FULL_TEAM))
                .extracting(n -> n.recipient().key()).containsExactlyInAnyOrder(DOC, DOC2, PT, PSY);
    }

    @Test
    void improvingTrendGoesToThePatientAndTheTeam() {
        assertThat(Routing.route(event("ImprovingTrend", alert("Pain down 3 points")), FULL_TEAM))
                .extracting(n -> n.recipient().key()).containsExactlyInAnyOrder(DOC, DOC2, PT, PSY, PATIENT);
    }

    @Test
    void lowAdherenceGoesToThePhysicalTherapistAndEncouragesThePatient() {
        List<Notice> notices = Routing.route(event("LowExerciseAdherence", alert("3 of 14 sessions")), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind)
                .containsExactlyInAnyOrder(tuple(PT, "low-exercise-adherence"), tuple(PATIENT, "exercise-encouragement"));
        assertThat(notices).filteredOn(n -> n.recipient().key().equals(PATIENT)).first().extracting(Notice::message)
                .asString().contains("Try a short session today");
    }

    @Test
    void nsaidOveruseGoesToThePhysicians() {
        assertThat(Routing.route(event("NsaidOveruse", alert("Naproxen 1500 mg/day")), FULL_TEAM))
                .extracting(n -> n.recipient().key(), Notice::priority)
                .containsExactlyInAnyOrder(tuple(DOC, Priority.HIGH), tuple(DOC2, Priority.HIGH));
    }

    @Test
    void aPrescriptionWithAcknowledgedWarningsGoesToTheOtherPhysicians() {
        ObjectNode data = JSON.createObjectNode().put("changedBy", DOC);
        data.putObject("medication").put("drug", "ibuprofen").putArray("acknowledgedWarnings").add("nsaid-kidney-disease");
        List<Notice> notices = Routing.route(event("MedicationPrescribed", data), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind)
                .containsExactly(tuple(DOC2, "medication-warning"));
        assertThat(notices.get(0).message()).contains("ibuprofen").contains("nsaid-kidney-disease");
    }

    @Test
    void aPrescriptionWithoutWarningsTellsNobody() {
        ObjectNode data = JSON.createObjectNode().put("changedBy", DOC);
        data.putObject("medication").put("drug", "paracetamol").putArray("acknowledgedWarnings");
        assertThat(Routing.route(event("MedicationChanged", data), FULL_TEAM)).isEmpty();
    }

    @Test
    void planRevisedGoesToThePatientAndTheOtherTeamMembers() {
        ObjectNode data = JSON.createObjectNode().put("changedBy", PT).put("summary", "exercises section revised");
        List<Notice> notices = Routing.route(event("PlanRevised", data), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key()).containsExactlyInAnyOrder(DOC, DOC2, PSY, PATIENT);
        assertThat(notices).allSatisfy(n -> assertThat(n.kind()).isEqualTo("plan-changed"));
        assertThat(notices).filteredOn(n -> n.recipient().key().equals(PATIENT)).first().extracting(Notice::message)
                .asString().contains("exercises section revised");
    }

    @Test
    void editsOfADraftPlanTellNobody() {
        ObjectNode data = JSON.createObjectNode().put("changedBy", PT).put("summary", "exercises section revised");
        data.putObject("plan").put("status", "draft");
        assertThat(Routing.route(event("PlanRevised", data), FULL_TEAM)).isEmpty();
        data.putObject("plan").put("status", "active");
        assertThat(Routing.route(event("PlanRevised", data), FULL_TEAM)).hasSize(4);
    }

    @Test
    void planReviewDueGoesToThePlanOwner() {
        ObjectNode data = JSON.createObjectNode().put("planId", UUID.randomUUID().toString())
                .put("reviewDate", "2026-11-20").put("daysOverdue", 3).put("ownerSubject", DOC2);
        List<Notice> notices = Routing.route(event("PlanReviewDue", data), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind)
                .containsExactly(tuple(DOC2, "plan-review-due"));
        assertThat(notices.get(0).message()).contains("2026-11-20").contains("3 days overdue");
    }

    @Test
    void missedCheckInsRemindThePatient() {
        assertThat(Routing.route(event("CheckInsMissed", alert("No check-in for 3 days")), FULL_TEAM))
                .extracting(n -> n.recipient().key(), Notice::kind).containsExactly(tuple(PATIENT, "check-in-reminder"));
    }

    @Test
    void aCareTeamChangeTellsTheNewMember() {
        ObjectNode data = JSON.createObjectNode().put("changedBy", DOC);
        data.putObject("member").put("subject", "new-pt").put("role", "physical-therapist").put("displayName", "New PT");
        List<Notice> notices = Routing.route(event("CareTeamMemberAdded", data), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind)
                .containsExactly(tuple("new-pt", "care-team-joined"));
        assertThat(notices.get(0).message()).contains("Anna Berg").contains("physical-therapist");
    }

    @Test
    void poorSleepGoesToThePsychologistAndOdiChangeToTheTeam() {
        assertThat(Routing.route(event("PoorSleep", alert("5 nights under 5 hours")), FULL_TEAM))
                .extracting(n -> n.recipient().key()).containsExactly(PSY);
        assertThat(Routing.route(event("OdiChanged", alert("ODI 42 -> 28")), FULL_TEAM))
                .extracting(n -> n.recipient().key()).containsExactlyInAnyOrder(DOC, DOC2, PT, PSY);
    }

    @Test
    void aPatientWithoutALoginGetsNothingAndReportsFeedNoOne() {
        PatientContext noLogin = new PatientContext(UUID.randomUUID(), null, null, FULL_TEAM.team(), null, null);
        assertThat(Routing.route(event("CheckInsMissed", alert("x")), noLogin)).isEmpty();
        assertThat(Routing.route(event("CheckInRecorded", JSON.createObjectNode()), FULL_TEAM)).isEmpty();
        assertThat(Routing.route(event("QuestionnaireCompleted", JSON.createObjectNode()), FULL_TEAM)).isEmpty();
        assertThat(Routing.route(event("RedFlagRaised", redFlagScreening()), noLogin).get(0).title())
                .contains("a patient");
    }

    private static ObjectNode selfHarm() {
        ObjectNode data = alert("PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered 2 of 3.");
        data.put("alert", "self-harm-risk").put("priority", "urgent");
        ObjectNode details = (ObjectNode) data.get("details");
        details.put("instrument", "phq-9").put("score", 14).put("band", "moderate").put("item", 9).put("itemAnswer", 2);
        details.putArray("audience").add("psychologist").add("physician");
        return data;
    }

    @Test
    void selfHarmRiskGoesUrgentToEveryPsychologistAndPhysicianAndThePatientGetsCrisisGuidance() {
        List<Notice> notices = Routing.route(event("SelfHarmRiskReported", selfHarm()), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind, Notice::priority, Notice::needsAcknowledgement)
                .containsExactlyInAnyOrder(
                        tuple(PSY, "self-harm-risk", Priority.URGENT, true),
                        tuple(DOC, "self-harm-risk", Priority.URGENT, true),
                        tuple(DOC2, "self-harm-risk", Priority.URGENT, true),
                        tuple(PATIENT, "crisis-guidance", Priority.URGENT, false));
        Notice toPsy = notices.stream().filter(n -> n.recipient().key().equals(PSY)).findFirst().orElseThrow();
        assertThat(toPsy.message()).startsWith("PHQ-9 item 9").contains("Anna Berg").contains("escalated");
        Notice guidance = notices.stream().filter(n -> n.kind().equals("crisis-guidance")).findFirst().orElseThrow();
        assertThat(guidance.message()).contains("call your local emergency number or a crisis line")
                .doesNotContainPattern("\\d{3}");
    }

    @Test
    void selfHarmRiskWithOnlyAPsychologistGoesToThePsychologist() {
        List<Notice> notices = Routing.route(event("SelfHarmRiskReported", selfHarm()),
                team(PSY, "psychologist", PT, "physical-therapist"));
        assertThat(notices).filteredOn(Notice::needsAcknowledgement).extracting(n -> n.recipient().key())
                .containsExactly(PSY);
    }

    @Test
    void selfHarmRiskWithNeitherPsychologistNorPhysicianGoesToTheAdmins() {
        List<Notice> notices = Routing.route(event("SelfHarmRiskReported", selfHarm()), team(PT, "physical-therapist"));
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind, Notice::needsAcknowledgement)
                .containsExactlyInAnyOrder(tuple("role:admin", "self-harm-risk", true),
                        tuple(PATIENT, "crisis-guidance", false));
    }

    @Test
    void selfHarmRiskIsEscalatedToTheRestOfTheTeamFirst() {
        List<Notice> notices = Routing.route(event("SelfHarmRiskReported", selfHarm()), FULL_TEAM);
        java.util.Set<String> notified = new java.util.HashSet<>();
        notices.stream().filter(Notice::needsAcknowledgement).forEach(n -> notified.add(n.recipient().key()));
        org.backcare.notification.alert.EscalationPolicy.Step step =
                org.backcare.notification.alert.EscalationPolicy.next(0, FULL_TEAM, notified);
        assertThat(step.level()).isEqualTo(1);
        assertThat(step.recipients()).extracting(Recipient::key).containsExactly(PT);
    }

    @Test
    void psychologicalDistressGoesToThePsychologistOrThePhysiciansWhenThereIsNone() {
        ObjectNode data = alert("PHQ-9 (depression) 12 (moderate).");
        assertThat(Routing.route(event("PsychologicalDistressDetected", data), FULL_TEAM))
                .extracting(n -> n.recipient().key(), Notice::kind, Notice::priority, Notice::needsAcknowledgement)
                .containsExactly(tuple(PSY, "psychological-distress", Priority.HIGH, false));
        assertThat(Routing.route(event("PsychologicalDistressDetected", data),
                team(DOC, "physician", DOC2, "physician", PT, "physical-therapist")))
                .extracting(n -> n.recipient().key()).containsExactlyInAnyOrder(DOC, DOC2);
    }

    @Test
    void fearAvoidanceGoesToThePsychologistAndThePhysicalTherapist() {
        assertThat(Routing.route(event("FearAvoidanceDetected", alert("Pain catastrophizing (PCS) 31 of 52.")), FULL_TEAM))
                .extracting(n -> n.recipient().key(), Notice::kind, Notice::priority)
                .containsExactlyInAnyOrder(tuple(PSY, "fear-avoidance", Priority.NORMAL),
                        tuple(PT, "fear-avoidance", Priority.NORMAL));
    }

    @Test
    void aDueAssessmentRemindsThePatientOnlyAsANormalReminder() {
        ObjectNode data = JSON.createObjectNode().put("planId", UUID.randomUUID().toString()).put("instrument", "phq-9")
                .put("dueDay", "2026-12-07").put("discipline", "psychologist");
        List<Notice> notices = Routing.route(event("AssessmentDue", data), FULL_TEAM);
        // Normal, not urgent: e-mail waits for the end of the patient's quiet hours like any reminder.
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind, Notice::priority, Notice::needsAcknowledgement)
                .containsExactly(tuple(PATIENT, "assessment-due", Priority.NORMAL, false));
        assertThat(notices.get(0).title()).contains("PHQ-9");
        assertThat(notices.get(0).message()).contains("2026-12-07");
    }

    @Test
    void anOverdueAssessmentGoesToTheOwningDisciplineOrThePhysiciansWhenThereIsNone() {
        ObjectNode data = JSON.createObjectNode().put("planId", UUID.randomUUID().toString()).put("instrument", "odi")
                .put("dueDay", "2026-11-30").put("daysOverdue", 7).put("discipline", "physical-therapist");
        List<Notice> notices = Routing.route(event("AssessmentOverdue", data), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind, Notice::priority)
                .containsExactly(tuple(PT, "assessment-overdue", Priority.NORMAL));
        assertThat(notices.get(0).message()).contains("Oswestry").contains("2026-11-30").contains("7 days overdue");
        data.put("discipline", "psychologist");
        assertThat(Routing.route(event("AssessmentOverdue", data), FULL_TEAM))
                .extracting(n -> n.recipient().key()).containsExactly(PSY);
        assertThat(Routing.route(event("AssessmentOverdue", data), team(DOC, "physician", PT, "physical-therapist")))
                .extracting(n -> n.recipient().key()).containsExactly(DOC);
    }

    @Test
    void aPsychologyReferralGoesToThePhysiciansAsAHighInboxItemNotChased() {
        ObjectNode data = JSON.createObjectNode().put("questionnaireId", UUID.randomUUID().toString())
                .put("day", "2026-12-07").put("stratum", "high").put("raisedAt", "2026-12-07T08:20:01Z")
                .put("message", "STarT Back high risk and no psychologist on the care team: consider a referral");
        data.putArray("audience").add("physician");
        List<Notice> notices = Routing.route(event("PsychologyReferralNeeded", data),
                team(DOC, "physician", DOC2, "physician", PT, "physical-therapist"));
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind, Notice::priority, Notice::needsAcknowledgement)
                .containsExactlyInAnyOrder(tuple(DOC, "psychology-referral", Priority.HIGH, false),
                        tuple(DOC2, "psychology-referral", Priority.HIGH, false));
        assertThat(notices.get(0).message()).startsWith("STarT Back high risk and no psychologist")
                .contains("Anna Berg").contains("2026-12-07");
        assertThat(Routing.route(event("PsychologyReferralNeeded", data), team(PT, "physical-therapist")))
                .extracting(n -> n.recipient().key()).containsExactly("role:admin");
    }

    @Test
    void eachMentionedClinicianIsToldWhereToLookButNotWhatTheNoteSays() {
        ObjectNode data = JSON.createObjectNode().put("noteId", UUID.randomUUID().toString()).put("version", 1)
                .put("kind", "handover").put("authorSubject", PT).put("authorDiscipline", "physical-therapist");
        data.putArray("mentionedSubjects").add(DOC).add(PSY);
        List<Notice> notices = Routing.route(event("NoteMentioned", data), FULL_TEAM);
        assertThat(notices).extracting(n -> n.recipient().key(), Notice::kind, Notice::priority, Notice::needsAcknowledgement)
                .containsExactly(tuple(DOC, "note-mention", Priority.NORMAL, false),
                        tuple(PSY, "note-mention", Priority.NORMAL, false));
        assertThat(notices.get(0).title()).contains("Anna Berg");
        assertThat(notices.get(0).message()).contains("mentioned you in a handover about Anna Berg");
        assertThat(Routing.kinds()).as("not offered to webhooks").doesNotContain("note-mention");
        assertThat(Routing.clinicianOnlyKinds()).containsExactly("note-mention");
    }

    @Test
    void theQuestionnaireKindsAreListed() {
        assertThat(Routing.kinds()).contains("self-harm-risk", "crisis-guidance", "psychological-distress",
                "fear-avoidance", "assessment-due", "assessment-overdue", "psychology-referral");
    }
}
