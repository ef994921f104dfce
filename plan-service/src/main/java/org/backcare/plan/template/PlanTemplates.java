package org.backcare.plan.template;

import org.backcare.plan.assessment.Instrument;
import org.backcare.plan.section.AssessmentSchedule;
import org.backcare.plan.section.AssessmentSchedule.ScheduledAssessment;
import org.backcare.plan.section.Discipline;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.ExerciseProgram.Dose;
import org.backcare.plan.section.ExerciseProgram.PainMonitoring;
import org.backcare.plan.section.ExerciseProgram.PrescribedExercise;
import org.backcare.plan.section.FlareUpAction;
import org.backcare.plan.section.FlareUpPlan;
import org.backcare.plan.section.FlareUpPlan.Step;
import org.backcare.plan.section.Frequency;
import org.backcare.plan.section.Goals;
import org.backcare.plan.section.Medications;
import org.backcare.plan.section.SectionContent;
import org.backcare.plan.section.SectionKind;
import org.backcare.plan.section.SelfManagement;
import org.backcare.plan.section.SelfManagement.CbtSessions;
import org.backcare.plan.section.SelfManagement.EducationModule;
import org.backcare.plan.section.SelfManagement.PacingGoal;
import org.backcare.plan.section.SelfManagement.Practice;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Starting points by pain type (seeds: "What works best for your type of pain"). Mechanical pain leads with
 * physical therapy; inflammatory pain adds morning mobility and anti-inflammatory medication; nerve-related pain
 * favours nerve-targeted medication; complex pain combines PT, medication and CBT. Templates never prescribe a
 * drug: they leave a note for the physician, who prescribes through the medication safety rules.
 */
public final class PlanTemplates {

    private static final PainMonitoring STOP_IF_PAIN_RISES_2 = new PainMonitoring(2, null);

    private PlanTemplates() {
    }

    /** The pre-filled sections for a template name; empty sections for "none" or null. */
    public static Map<SectionKind, SectionContent> sections(Template template) {
        Map<SectionKind, SectionContent> sections = new EnumMap<>(SectionKind.class);
        for (SectionKind kind : SectionKind.values()) {
            sections.put(kind, SectionContent.empty(kind));
        }
        if (template == null || template == Template.NONE) {
            return sections;
        }
        sections.put(SectionKind.EXERCISES, exercises(template));
        sections.put(SectionKind.MEDICATIONS, new Medications(List.of(), medicationNote(template)));
        sections.put(SectionKind.SELF_MANAGEMENT, selfManagement(template));
        sections.put(SectionKind.FLARE_UP, flareUp());
        sections.put(SectionKind.GOALS, new Goals(List.of()));
        sections.put(SectionKind.ASSESSMENTS, assessments());
        return sections;
    }

    /**
     * The default assessments schedule: STarT Back at intake and week 12 (the physical therapist, who delivers
     * stratified care), PHQ-9 and GAD-7 every 4 weeks (the psychologist), the ODI monthly (the physical therapist,
     * who tracks function: seeds, "standardized tools may track ... functional capacity").
     */
    static AssessmentSchedule assessments() {
        return new AssessmentSchedule(List.of(
                new ScheduledAssessment(Instrument.START_BACK, Discipline.PHYSICAL_THERAPIST, List.of(0, 12), null),
                new ScheduledAssessment(Instrument.PHQ_9, Discipline.PSYCHOLOGIST, null, 4),
                new ScheduledAssessment(Instrument.GAD_7, Discipline.PSYCHOLOGIST, null, 4),
                new ScheduledAssessment(Instrument.ODI, Discipline.PHYSICAL_THERAPIST, null, 4)));
    }

    /** The seeds' daily 15-minute home routine: gentle mobility and core activation, every day, no equipment. */
    static List<PrescribedExercise> dailyHomeRoutine() {
        return List.of(
                new PrescribedExercise("pelvic-tilt", new Dose(2, 10, 5, 3, 7), "Add a set when 2 sets feel easy",
                        STOP_IF_PAIN_RISES_2, "Part of the 15-minute daily home routine"),
                new PrescribedExercise("cat-camel", new Dose(1, 10, null, 3, 7), null, STOP_IF_PAIN_RISES_2,
                        "Part of the 15-minute daily home routine"),
                new PrescribedExercise("transverse-abdominis-activation", new Dose(2, 10, 10, 3, 7),
                        "Hold 2 seconds longer each week up to 20 seconds", STOP_IF_PAIN_RISES_2,
                        "Part of the 15-minute daily home routine"),
                new PrescribedExercise("bird-dog", new Dose(2, 8, 5, 3, 7), "Add 2 reps a week while pain stays at or below 3/10",
                        STOP_IF_PAIN_RISES_2, "Part of the 15-minute daily home routine"),
                new PrescribedExercise("glute-bridge", new Dose(2, 10, null, 3, 7), "Add 2 reps a week",
                        STOP_IF_PAIN_RISES_2, "Part of the 15-minute daily home routine"));
    }

    private static ExerciseProgram exercises(Template template) {
        List<PrescribedExercise> extra = switch (template) {
            case MECHANICAL -> List.of(
                    new PrescribedExercise("walking", new Dose(null, null, null, 20, 5), "Add 2 minutes a week",
                            STOP_IF_PAIN_RISES_2, null),
                    new PrescribedExercise("hip-hinge-lift", new Dose(2, 8, null, null, 3), "Add load slowly",
                            STOP_IF_PAIN_RISES_2, "Lifting mechanics for daily tasks"));
            case INFLAMMATORY -> List.of(
                    new PrescribedExercise("knee-to-chest", new Dose(2, null, 20, null, 7), null, STOP_IF_PAIN_RISES_2,
                            "Morning mobility eases stiffness"),
                    new PrescribedExercise("swimming", new Dose(null, null, null, 30, 3), "Add 5 minutes every 2 weeks",
                            STOP_IF_PAIN_RISES_2, null));
            case RADICULAR -> List.of(
                    new PrescribedExercise("walking", new Dose(null, null, null, 10, 7), "Add 2 minutes a week",
                            new PainMonitoring(2, 6), "Stop if leg symptoms spread further down the leg"));
            case COMPLEX -> List.of(
                    new PrescribedExercise("gentle-yoga", new Dose(null, null, null, 15, 3), null, STOP_IF_PAIN_RISES_2,
                            "Mind-body movement below the flare threshold"),
                    new PrescribedExercise("walking", new Dose(null, null, null, 10, 5), "Add 2 minutes a week",
                            STOP_IF_PAIN_RISES_2, null));
            case NONE -> List.of();
        };
        List<PrescribedExercise> all = new ArrayList<>(dailyHomeRoutine());
        all.addAll(extra);
        return new ExerciseProgram(all, "Do the 15-minute routine every day, even on low-energy days.");
    }

    private static String medicationNote(Template template) {
        return switch (template) {
            case MECHANICAL -> "Physical therapy leads; medication only to allow movement (e.g. a short NSAID course or acetaminophen).";
            case INFLAMMATORY -> "Anti-inflammatory medication (NSAID, short course with an end date) gives room to move; consider rheumatology referral.";
            case RADICULAR -> "Nerve-targeted options (gabapentin from 100 mg at night, or duloxetine) help more than NSAIDs.";
            case COMPLEX -> "Combine medication with PT and CBT; consider duloxetine. Avoid opioids.";
            case NONE -> null;
        };
    }

    private static SelfManagement selfManagement(Template template) {
        CbtSessions cbt = template == Template.COMPLEX
                ? new CbtSessions(8, 1, "Fear of movement, catastrophising, pacing") : null;
        return new SelfManagement(
                List.of(new PacingGoal("Walk", 12, Frequency.EVERY_OTHER_DAY, "Add 2 minutes a week if pain settles within an hour")),
                new SelfManagement.SleepRoutine(LocalTime.of(22, 30), LocalTime.of(6, 30),
                        "Same times every day; no screens in the last 30 minutes"),
                List.of(new Practice("Diaphragmatic breathing", 10, Frequency.DAILY)),
                cbt,
                List.of(new EducationModule("Why pain persists: the sensitised nervous system", false),
                        new EducationModule("Pacing: time-based goals instead of pain-based stopping", false)));
    }

    private static FlareUpPlan flareUp() {
        return new FlareUpPlan(List.of(
                new Step(FlareUpAction.RELATIVE_REST, "Reduce load for 1-2 days without full bed rest; keep moving gently", null),
                new Step(FlareUpAction.HEAT, "Heat (or ice if it helps more) for 15-20 minutes, several times a day", null),
                new Step(FlareUpAction.STAPLE_EXERCISES, "Keep doing pelvic tilts and cat-camel even on bad days", null),
                new Step(FlareUpAction.CALL, "Call your physical therapist if it is not settling after 4-7 days; "
                        + "seek urgent care for new leg weakness, numbness in the saddle area or loss of bladder or bowel control",
                        "Physical therapist / emergency care")));
    }
}
