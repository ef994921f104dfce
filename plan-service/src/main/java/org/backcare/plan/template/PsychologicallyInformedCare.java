package org.backcare.plan.template;

import org.backcare.plan.assessment.Instrument;
import org.backcare.plan.section.AssessmentSchedule;
import org.backcare.plan.section.AssessmentSchedule.ScheduledAssessment;
import org.backcare.plan.section.Discipline;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.ExerciseProgram.Dose;
import org.backcare.plan.section.ExerciseProgram.PainMonitoring;
import org.backcare.plan.section.ExerciseProgram.PrescribedExercise;
import org.backcare.plan.section.Frequency;
import org.backcare.plan.section.GoalStatus;
import org.backcare.plan.section.Goals;
import org.backcare.plan.section.Goals.Goal;
import org.backcare.plan.section.SectionContent;
import org.backcare.plan.section.SectionKind;
import org.backcare.plan.section.SelfManagement;
import org.backcare.plan.section.SelfManagement.CbtSessions;
import org.backcare.plan.section.SelfManagement.EducationModule;
import org.backcare.plan.section.SelfManagement.PacingGoal;
import org.backcare.plan.template.StratifiedCare.Addition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stratified care (STarT Back): a patient at high risk gets psychologically informed physiotherapy on top of the
 * template. Following the seeds: graded exposure to feared movement instead of avoidance, cognitive strategies
 * (thought reframing, goal setting) led by the psychologist, time-based activity pacing, "hurt is not harm"
 * education; and a psychologist reviews the psychosocial risk early. Low and medium risk keep the template as it is.
 */
public final class PsychologicallyInformedCare {

    /** What the plan's sections became, and what was added to them. */
    public record Result(Map<SectionKind, SectionContent> sections, List<Addition> added) {
    }

    static final String GRADED_EXPOSURE_EXERCISE = "hip-hinge-lift";

    private PsychologicallyInformedCare() {
    }

    /** Adds the psychologically informed parts to a template's sections; due dates count from {@code start}. */
    public static Result addTo(Map<SectionKind, SectionContent> template, LocalDate start) {
        Map<SectionKind, SectionContent> sections = new EnumMap<>(template);
        List<Addition> added = new ArrayList<>();

        // Bending and lifting is the movement most feared with back pain: practised as graded exposure, progressed
        // by a planned quota rather than by pain. A template that already has the lift gets it re-dosed that way.
        ExerciseProgram program = (ExerciseProgram) sections.get(SectionKind.EXERCISES);
        List<PrescribedExercise> exercises = new ArrayList<>(program.exercises());
        exercises.removeIf(e -> e.exercise().equals(GRADED_EXPOSURE_EXERCISE));
        exercises.add(new PrescribedExercise(GRADED_EXPOSURE_EXERCISE, new Dose(2, 5, null, null, 3),
                "Graded exposure: add 1 rep or a little load each week as planned (quota), not as pain allows",
                new PainMonitoring(null, 7),
                "Bending and lifting, feared by many with back pain, practised in small planned steps"));
        sections.put(SectionKind.EXERCISES, new ExerciseProgram(exercises, program.notes()));
        added.add(new Addition(SectionKind.EXERCISES.code(), "Graded exposure: bending and lifting (hip-hinge lift)"));

        List<Goal> goals = new ArrayList<>(((Goals) sections.get(SectionKind.GOALS)).goals());
        List<Goal> psychologyGoals = List.of(
                new Goal("Graded activity: return to an activity avoided for fear of pain",
                        "Steps of the agreed exposure ladder done as planned", "The top step of the ladder",
                        start.plusWeeks(12), GoalStatus.OPEN, Discipline.PHYSICAL_THERAPIST),
                new Goal("CBT: notice and reframe unhelpful thoughts about pain",
                        "Pain Catastrophizing Scale (PCS) total", "PCS below 30",
                        start.plusWeeks(12), GoalStatus.OPEN, Discipline.PSYCHOLOGIST),
                new Goal("Psychologist review of the psychosocial risk",
                        "STarT Back, PHQ-9 and GAD-7 reviewed with the patient",
                        "Psychological treatment agreed, or stepped down when the risk has fallen",
                        start.plusWeeks(2), GoalStatus.OPEN, Discipline.PSYCHOLOGIST));
        goals.addAll(psychologyGoals);
        sections.put(SectionKind.GOALS, new Goals(goals));
        psychologyGoals.forEach(g -> added.add(new Addition(SectionKind.GOALS.code(), g.what())));

        SelfManagement self = (SelfManagement) sections.get(SectionKind.SELF_MANAGEMENT);
        List<PacingGoal> pacing = new ArrayList<>(self.pacing());
        pacing.add(new PacingGoal("Sit or stand in time-based blocks", 20, Frequency.DAILY,
                "Change position when the time is up, not when pain peaks; add 2 minutes a week"));
        added.add(new Addition(SectionKind.SELF_MANAGEMENT.code(), "Pacing: sitting and standing in time-based blocks"));
        CbtSessions cbt = self.cbt();
        if (cbt == null) {
            cbt = new CbtSessions(8, 1, "Fear of movement, catastrophising, low mood; graded exposure and pacing");
            added.add(new Addition(SectionKind.SELF_MANAGEMENT.code(), "CBT: 8 weekly sessions with the psychologist"));
        }
        List<EducationModule> education = new ArrayList<>(self.education());
        education.add(new EducationModule("Hurt is not harm: why moving again is safe", false));
        added.add(new Addition(SectionKind.SELF_MANAGEMENT.code(), "Education: hurt is not harm"));
        sections.put(SectionKind.SELF_MANAGEMENT, new SelfManagement(pacing, self.sleep(), self.stressPractices(), cbt,
                education));

        AssessmentSchedule schedule = (AssessmentSchedule) sections.get(SectionKind.ASSESSMENTS);
        List<ScheduledAssessment> assessments = new ArrayList<>(schedule.assessments());
        assessments.add(new ScheduledAssessment(Instrument.PCS, Discipline.PSYCHOLOGIST, List.of(0, 12), null));
        assessments.add(new ScheduledAssessment(Instrument.TSK_11, Discipline.PSYCHOLOGIST, List.of(0, 12), null));
        sections.put(SectionKind.ASSESSMENTS, new AssessmentSchedule(assessments));
        added.add(new Addition(SectionKind.ASSESSMENTS.code(), "PCS and TSK-11 at intake and week 12 (psychologist)"));
        return new Result(sections, List.copyOf(added));
    }
}
