package org.backcare.notification.routing;

import com.fasterxml.jackson.databind.JsonNode;
import org.backcare.platform.access.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The routing rules, in one place: for each event, who is told what, with which priority. Pure: no database, no
 * clock; the event handler supplies the patient's context and stores what comes out.
 *
 * <ul>
 *   <li>red flag (screening or reported symptom): every physician on the team, urgent and chased until acknowledged
 *       (the admins when the team has no physician); the patient gets guidance to seek urgent care</li>
 *   <li>flare: the physical therapists and the patient, with the flare-up plan's steps when known</li>
 *   <li>worsening trend: the whole team; improving trend: the patient and the team</li>
 *   <li>low exercise adherence: the physical therapists, and an encouraging message to the patient</li>
 *   <li>NSAID overuse, and a prescription with acknowledged safety warnings: the physicians</li>
 *   <li>poor sleep: the psychologists; ODI change: the whole team</li>
 *   <li>self-harm risk (PHQ-9 item 9 above 0): every psychologist and physician, urgent and chased until
 *       acknowledged (the admins when the team has neither); the patient gets crisis guidance at once</li>
 *   <li>low mood or anxiety (PHQ-9/GAD-7 moderate or worse, or worse by the MCID): the psychologists (the physicians
 *       when the team has none); fear-avoidance (PCS, TSK-11): the psychologists and physical therapists</li>
 *   <li>STarT Back high risk and no psychologist on the team: the physicians (the admins when there is none), once
 *       per episode as patient-service decides; high, not chased</li>
 *   <li>plan activated or revised (not while a draft): the patient and the team members other than the one who
 *       changed it;
 *       plan review due: the plan owner</li>
 *   <li>check-ins missed: a reminder to the patient; a clinician joins a care team: that clinician</li>
 *   <li>assessment due (from the plan's assessments schedule): a reminder to the patient; assessment overdue: the
 *       team members of the discipline that owns it (the physicians when the team has none)</li>
 *   <li>a mention in a clinical note: each mentioned clinician, normal; never the note's text, and never to webhooks
 *       (clinical notes are clinician-facing, see {@link #clinicianOnlyKinds()})</li>
 * </ul>
 */
public final class Routing {

    public static final String RED_FLAG = "red-flag";
    public static final String URGENT_CARE_GUIDANCE = "urgent-care-guidance";
    public static final String FLARE = "flare";
    public static final String FLARE_GUIDANCE = "flare-guidance";
    public static final String WORSENING_TREND = "worsening-trend";
    public static final String IMPROVING_TREND = "improving-trend";
    public static final String LOW_ADHERENCE = "low-exercise-adherence";
    public static final String ADHERENCE_ENCOURAGEMENT = "exercise-encouragement";
    public static final String NSAID_OVERUSE = "nsaid-overuse";
    public static final String MEDICATION_WARNING = "medication-warning";
    public static final String POOR_SLEEP = "poor-sleep";
    public static final String ODI_CHANGE = "odi-change";
    public static final String PLAN_CHANGED = "plan-changed";
    public static final String PLAN_REVIEW_DUE = "plan-review-due";
    public static final String CHECK_IN_REMINDER = "check-in-reminder";
    public static final String CARE_TEAM_JOINED = "care-team-joined";
    public static final String SELF_HARM_RISK = "self-harm-risk";
    public static final String CRISIS_GUIDANCE = "crisis-guidance";
    public static final String PSYCHOLOGICAL_DISTRESS = "psychological-distress";
    public static final String FEAR_AVOIDANCE = "fear-avoidance";
    public static final String ASSESSMENT_DUE = "assessment-due";
    public static final String ASSESSMENT_OVERDUE = "assessment-overdue";
    public static final String PSYCHOLOGY_REFERRAL = "psychology-referral";
    public static final String NOTE_MENTION = "note-mention";

    private static final String URGENT_CARE_ADVICE = "Your care team has been alerted. If you have new weakness or "
            + "numbness in your legs, lose control of your bladder or bowel, have numbness around your genitals or "
            + "buttocks, or a fever with your back pain, seek urgent care now (emergency department or your local "
            + "emergency number); do not wait for a call back.";

    private static final String CRISIS_ADVICE = "Thank you for answering honestly. Your care team has been told and "
            + "will contact you. If you are thinking about harming yourself or feel you might act on these thoughts, "
            + "do not wait for us: call your local emergency number or a crisis line now, or go to the nearest "
            + "emergency department. If you can, tell someone you trust how you feel and stay with them.";

    private static final String PSYCHOLOGY_REFERRAL_ADVICE = "STarT Back high risk and no psychologist on the care "
            + "team: consider a referral";

    private Routing() {
    }

    public static List<Notice> route(IncomingEvent event, PatientContext patient) {
        Notices out = new Notices();
        String name = patient.displayName();
        switch (event.type()) {
            case "RedFlagRaised" -> redFlag(out, patient, "Red flag on screening: " + findings(event.data()) + ".");
            case "RedFlagSymptomReported" -> redFlag(out, patient, alertMessage(event, "Red-flag symptoms reported."));
            case "FlareDetected" -> {
                out.toAll(patient.withRole(Role.PHYSICAL_THERAPIST), FLARE, Priority.HIGH,
                        "Flare-up: " + name, alertMessage(event, "Pain has flared."));
                out.toPatient(patient, FLARE_GUIDANCE, Priority.HIGH, "Your pain has flared up", flareGuidance(patient));
            }
            case "WorseningTrend" -> out.toAll(patient.everyone(), WORSENING_TREND, Priority.HIGH,
                    "Worsening: " + name, alertMessage(event, "Pain or function is getting worse."));
            case "ImprovingTrend" -> {
                out.toAll(patient.everyone(), IMPROVING_TREND, Priority.NORMAL, "Improving: " + name,
                        alertMessage(event, "Pain or function is improving."));
                out.toPatient(patient, IMPROVING_TREND, Priority.NORMAL, "You are making progress",
                        "Your reports over the last weeks show a clear improvement. Keep going with your plan: "
                                + "what you do between sessions is what makes the difference.");
            }
            case "LowExerciseAdherence" -> {
                out.toAll(patient.withRole(Role.PHYSICAL_THERAPIST), LOW_ADHERENCE, Priority.NORMAL,
                        "Low exercise adherence: " + name, alertMessage(event, "Home exercises are often missed."));
                out.toPatient(patient, ADHERENCE_ENCOURAGEMENT, Priority.NORMAL, "Your home exercises",
                        "Your home routine has slipped lately; that happens. People who keep up their home "
                                + "exercises improve far more often. Try a short session today, even 15 minutes, "
                                + "and tell your physical therapist if something makes the exercises hard.");
            }
            case "NsaidOveruse" -> out.toAll(patient.withRole(Role.PHYSICIAN), NSAID_OVERUSE, Priority.HIGH,
                    "NSAID overuse: " + name, alertMessage(event, "NSAID intake above the prescribed dose."));
            case "MedicationPrescribed", "MedicationChanged" -> medicationWarnings(out, event, patient);
            case "PoorSleep" -> out.toAll(patient.withRole(Role.PSYCHOLOGIST), POOR_SLEEP, Priority.NORMAL,
                    "Poor sleep: " + name, alertMessage(event, "Sleep has been poor."));
            case "OdiChanged" -> out.toAll(patient.everyone(), ODI_CHANGE, Priority.NORMAL,
                    "Disability score changed: " + name, alertMessage(event, "The ODI score changed."));
            case "PlanActivated", "PlanRevised" -> planChanged(out, event, patient);
            case "PlanReviewDue" -> {
                String owner = event.text("ownerSubject") != null ? event.text("ownerSubject") : patient.planOwner();
                if (owner != null) {
                    out.to(Recipient.person(owner), PLAN_REVIEW_DUE, Priority.NORMAL, "Plan review due: " + name,
                            "The treatment plan of " + name + " was due for review on " + event.text("reviewDate")
                                    + overdue(event.data()) + ". Review it with the team and set the next review date.");
                }
            }
            case "SelfHarmRiskReported" -> selfHarmRisk(out, event, patient);
            case "PsychologicalDistressDetected" -> {
                List<String> psychologists = patient.withRole(Role.PSYCHOLOGIST);
                // Someone on the team must look at it: the physician when there is no psychologist.
                out.toAll(psychologists.isEmpty() ? patient.withRole(Role.PHYSICIAN) : psychologists,
                        PSYCHOLOGICAL_DISTRESS, Priority.HIGH, "Low mood or anxiety: " + name,
                        alertMessage(event, "A depression or anxiety questionnaire needs a look."));
            }
            case "FearAvoidanceDetected" -> {
                List<String> concerned = new ArrayList<>(patient.withRole(Role.PSYCHOLOGIST));
                concerned.addAll(patient.withRole(Role.PHYSICAL_THERAPIST));
                out.toAll(concerned, FEAR_AVOIDANCE, Priority.NORMAL, "Fear-avoidance: " + name,
                        alertMessage(event, "Pain catastrophizing or fear of movement is high."));
            }
            case "AssessmentDue" -> out.toPatient(patient, ASSESSMENT_DUE, Priority.NORMAL,
                    "A questionnaire is due: " + instrumentName(event.text("instrument")),
                    "Your treatment plan asks you to fill in the " + instrumentName(event.text("instrument"))
                            + " (due " + event.text("dueDay") + "). It takes a few minutes and shows your care team "
                            + "how you are doing; you find it in the app under questionnaires.");
            case "AssessmentOverdue" -> assessmentOverdue(out, event, patient);
            case "PsychologyReferralNeeded" -> {
                List<String> physicians = patient.withRole(Role.PHYSICIAN);
                String title = "Psychology referral to consider: " + name;
                String message = alertMessage(event, PSYCHOLOGY_REFERRAL_ADVICE) + " (" + name + ", STarT Back of "
                        + Objects.requireNonNullElse(event.text("day"), "the latest result") + ").";
                if (physicians.isEmpty()) {
                    // Someone must take the referral decision: the admins find a physician.
                    out.to(Recipient.everyone(Role.ADMIN), PSYCHOLOGY_REFERRAL, Priority.HIGH, title,
                            "No physician is on the care team. " + message);
                } else {
                    out.toAll(physicians, PSYCHOLOGY_REFERRAL, Priority.HIGH, title, message);
                }
            }
            case "CheckInsMissed" -> out.toPatient(patient, CHECK_IN_REMINDER, Priority.NORMAL,
                    "We have not heard from you",
                    "You have not checked in for a few days. A daily check-in takes a minute and helps your care "
                            + "team see how you are doing; you can also fill in the last few days.");
            case "NoteMentioned" -> noteMention(out, event, patient);
            case "CareTeamMemberAdded" -> {
                JsonNode member = event.data() == null ? null : event.data().get("member");
                if (member != null && member.hasNonNull("subject")) {
                    out.to(Recipient.person(member.get("subject").asText()), CARE_TEAM_JOINED, Priority.NORMAL,
                            "New patient: " + name,
                            "You have been added to the care team of " + name + " as "
                                    + member.path("role").asText("a clinician") + ". Their plan, reports and alerts "
                                    + "are now visible to you.");
                }
            }
            default -> {
                // Everything else (check-ins recorded, questionnaires, plan drafts, ...) only feeds projections.
            }
        }
        return out.list;
    }

    /** The kinds of notification an event type can produce; webhooks subscribe to these. */
    public static List<String> kinds() {
        return List.of(RED_FLAG, URGENT_CARE_GUIDANCE, FLARE, FLARE_GUIDANCE, WORSENING_TREND, IMPROVING_TREND,
                LOW_ADHERENCE, ADHERENCE_ENCOURAGEMENT, NSAID_OVERUSE, MEDICATION_WARNING, POOR_SLEEP, ODI_CHANGE,
                PLAN_CHANGED, PLAN_REVIEW_DUE, CHECK_IN_REMINDER, CARE_TEAM_JOINED, SELF_HARM_RISK, CRISIS_GUIDANCE,
                PSYCHOLOGICAL_DISTRESS, FEAR_AVOIDANCE, ASSESSMENT_DUE, ASSESSMENT_OVERDUE, PSYCHOLOGY_REFERRAL);
    }

    /** Kinds that stay in clinicians' inboxes: not offered to webhook subscriptions and never delivered to one. */
    public static List<String> clinicianOnlyKinds() {
        return List.of(NOTE_MENTION);
    }

    /** Each mentioned clinician is told where to look; the note's text stays in plan-service, behind its rules. */
    private static void noteMention(Notices out, IncomingEvent event, PatientContext patient) {
        JsonNode mentioned = event.data() == null ? null : event.data().get("mentionedSubjects");
        if (mentioned == null || !mentioned.isArray()) {
            return;
        }
        String author = event.text("authorSubject");
        String authorName = patient.team().stream().filter(m -> Objects.equals(m.subject(), author))
                .map(PatientContext.Member::displayName).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElse("The " + Objects.requireNonNullElse(event.text("authorDiscipline"), "clinician"));
        String kind = switch (Objects.requireNonNullElse(event.text("kind"), "")) {
            case "handover" -> "a handover";
            case "psychotherapy-note" -> "a psychotherapy note";
            default -> "a progress note";
        };
        String title = "You were mentioned: " + patient.displayName();
        String message = authorName + " mentioned you in " + kind + " about " + patient.displayName()
                + ". Read it in the patient's clinical notes.";
        for (JsonNode subject : mentioned) {
            if (subject.isTextual() && !subject.asText().isBlank()) {
                out.to(Recipient.person(subject.asText()), NOTE_MENTION, Priority.NORMAL, title, message);
            }
        }
    }

    private static void redFlag(Notices out, PatientContext patient, String what) {
        List<String> physicians = patient.withRole(Role.PHYSICIAN);
        String title = "URGENT red flag: " + patient.displayName();
        String message = what + " " + patient.displayName() + " needs urgent evaluation. Acknowledge when you have "
                + "taken this on; until then it is escalated.";
        if (physicians.isEmpty()) {
            // Nobody on the team can evaluate it: straight to the admins, who find someone who can.
            out.urgent(Recipient.everyone(Role.ADMIN), RED_FLAG, title, "No physician is on the care team. " + message);
        } else {
            physicians.forEach(p -> out.urgent(Recipient.person(p), RED_FLAG, title, message));
        }
        out.toPatient(patient, URGENT_CARE_GUIDANCE, Priority.URGENT, "Please read: when to seek urgent care",
                URGENT_CARE_ADVICE);
    }

    /**
     * PHQ-9 item 9 above 0: every psychologist and physician, urgent and chased until acknowledged (the admins when
     * the team has neither), and crisis guidance for the patient at once, before anyone has read the alert.
     */
    private static void selfHarmRisk(Notices out, IncomingEvent event, PatientContext patient) {
        List<String> clinicians = new ArrayList<>(patient.withRole(Role.PSYCHOLOGIST));
        clinicians.addAll(patient.withRole(Role.PHYSICIAN));
        String title = "URGENT self-harm risk: " + patient.displayName();
        String message = alertMessage(event, "PHQ-9 item 9 (thoughts of self-harm) answered above 0.") + " "
                + patient.displayName() + " needs a prompt risk assessment. Acknowledge when you have taken this on; "
                + "until then it is escalated.";
        if (clinicians.isEmpty()) {
            out.urgent(Recipient.everyone(Role.ADMIN), SELF_HARM_RISK, title,
                    "No psychologist or physician is on the care team. " + message);
        } else {
            clinicians.forEach(c -> out.urgent(Recipient.person(c), SELF_HARM_RISK, title, message));
        }
        out.toPatient(patient, CRISIS_GUIDANCE, Priority.URGENT, "Please read: if you are thinking of harming yourself",
                CRISIS_ADVICE);
    }

    /** The discipline that owns the assessment follows it up; the physicians when the team has nobody of it. */
    private static void assessmentOverdue(Notices out, IncomingEvent event, PatientContext patient) {
        String discipline = event.text("discipline");
        List<String> owners = discipline == null ? List.of() : patient.withRole(discipline);
        String instrument = instrumentName(event.text("instrument"));
        out.toAll(owners.isEmpty() ? patient.withRole(Role.PHYSICIAN) : owners, ASSESSMENT_OVERDUE, Priority.NORMAL,
                "Questionnaire overdue: " + patient.displayName(),
                "The " + instrument + " of " + patient.displayName() + " was due on " + event.text("dueDay")
                        + overdue(event.data()) + " and has not been filled in. Follow it up with the patient"
                        + (owners.isEmpty() && discipline != null ? " (no " + discipline + " is on the care team)" : "")
                        + ".");
    }

    /** The instrument's name for people; the code when it is not one of the known ones. */
    private static String instrumentName(String code) {
        if (code == null) {
            return "questionnaire";
        }
        return switch (code) {
            case "start-back" -> "STarT Back questionnaire";
            case "phq-9" -> "PHQ-9 (mood) questionnaire";
            case "gad-7" -> "GAD-7 (anxiety) questionnaire";
            case "pcs" -> "Pain Catastrophizing Scale";
            case "tsk-11" -> "TSK-11 (fear of movement) questionnaire";
            case "pseq" -> "Pain Self-Efficacy Questionnaire";
            case "odi" -> "Oswestry Disability Index (ODI)";
            default -> code;
        };
    }

    private static void planChanged(Notices out, IncomingEvent event, PatientContext patient) {
        String changedBy = event.text("changedBy");
        boolean activated = event.type().equals("PlanActivated");
        JsonNode plan = event.data() == null ? null : event.data().get("plan");
        if (plan != null && "draft".equals(plan.path("status").asText())) {
            // A draft is work in progress among clinicians; people hear about the plan once it is activated.
            return;
        }
        String summary = Objects.requireNonNullElse(event.text("summary"), "the plan was revised");
        out.toAll(patient.everyoneBut(changedBy), PLAN_CHANGED, Priority.NORMAL,
                (activated ? "Plan activated: " : "Plan revised: ") + patient.displayName(),
                (activated ? "The treatment plan of " + patient.displayName() + " is now active."
                        : "The treatment plan of " + patient.displayName() + " changed: " + summary + "."));
        if (!Objects.equals(changedBy, patient.patientSubject())) {
            out.toPatient(patient, PLAN_CHANGED, Priority.NORMAL,
                    activated ? "Your treatment plan is ready" : "Your treatment plan changed",
                    activated ? "Your care team has activated your treatment plan. Open it to see today's exercises "
                            + "and what to do in a flare-up."
                            : "Your care team updated your treatment plan (" + summary + "). Open it to see what changed.");
        }
    }

    private static void medicationWarnings(Notices out, IncomingEvent event, PatientContext patient) {
        JsonNode medication = event.data() == null ? null : event.data().get("medication");
        JsonNode warnings = medication == null ? null : medication.get("acknowledgedWarnings");
        if (warnings == null || !warnings.isArray() || warnings.isEmpty()) {
            return;
        }
        List<String> codes = new ArrayList<>();
        warnings.forEach(w -> codes.add(w.asText()));
        String changedBy = event.text("changedBy");
        List<String> physicians = patient.withRole(Role.PHYSICIAN).stream().filter(p -> !p.equals(changedBy)).toList();
        out.toAll(physicians.isEmpty() ? patient.withRole(Role.PHYSICIAN) : physicians, MEDICATION_WARNING,
                Priority.HIGH, "Medication warning: " + patient.displayName(),
                medication.path("drug").asText("A drug") + " was prescribed for " + patient.displayName()
                        + " with acknowledged safety warnings (" + String.join(", ", codes)
                        + "). Please check the prescription fits the patient.");
    }

    private static String flareGuidance(PatientContext patient) {
        StringBuilder text = new StringBuilder("Your recent check-ins show a flare-up. Flare-ups are common and "
                + "usually settle within days. ");
        if (patient.flareUpSteps().isEmpty()) {
            text.append("Keep moving gently, use heat or cold if it helps, and do your easiest exercises. ");
        } else {
            text.append("Your flare-up plan: ");
            for (int i = 0; i < patient.flareUpSteps().size(); i++) {
                text.append(i + 1).append(". ").append(patient.flareUpSteps().get(i)).append(' ');
            }
        }
        return text.append("Your physical therapist has been told.").toString();
    }

    private static String alertMessage(IncomingEvent event, String fallback) {
        String message = event.text("message");
        return message == null || message.isBlank() ? fallback : message;
    }

    private static String findings(JsonNode data) {
        JsonNode findings = data == null ? null : data.get("findings");
        if (findings == null || !findings.isArray() || findings.isEmpty()) {
            return "positive screening";
        }
        List<String> texts = new ArrayList<>();
        findings.forEach(f -> texts.add(f.path("description").asText(f.path("redFlag").asText())));
        return texts.stream().collect(Collectors.joining(", "));
    }

    private static String overdue(JsonNode data) {
        int days = data == null ? 0 : data.path("daysOverdue").asInt(0);
        return days > 0 ? " (" + days + (days == 1 ? " day" : " days") + " overdue)" : "";
    }

    /** Collects notices, one per recipient and kind. */
    private static final class Notices {
        private final List<Notice> list = new ArrayList<>();

        void to(Recipient recipient, String kind, Priority priority, String title, String message) {
            add(Notice.to(recipient, kind, priority, title, message));
        }

        void toAll(List<String> subjects, String kind, Priority priority, String title, String message) {
            subjects.forEach(s -> to(Recipient.person(s), kind, priority, title, message));
        }

        void toPatient(PatientContext patient, String kind, Priority priority, String title, String message) {
            if (patient.patientSubject() != null) {
                to(Recipient.person(patient.patientSubject()), kind, priority, title, message);
            }
        }

        void urgent(Recipient recipient, String kind, String title, String message) {
            add(new Notice(recipient, kind, Priority.URGENT, title, message, true));
        }

        private void add(Notice notice) {
            boolean duplicate = list.stream().anyMatch(n -> n.recipient().equals(notice.recipient())
                    && n.kind().equals(notice.kind()));
            if (!duplicate) {
                list.add(notice);
            }
        }
    }
}
