package org.backcare.plan.section;

import java.util.List;

/** The content of one plan section; each kind has its own record, stored as JSON in plan_section. */
public sealed interface SectionContent permits Goals, ExerciseProgram, Medications, SelfManagement, FlareUpPlan,
        AssessmentSchedule {

    static Class<? extends SectionContent> typeOf(SectionKind kind) {
        return switch (kind) {
            case GOALS -> Goals.class;
            case EXERCISES -> ExerciseProgram.class;
            case MEDICATIONS -> Medications.class;
            case SELF_MANAGEMENT -> SelfManagement.class;
            case FLARE_UP -> FlareUpPlan.class;
            case ASSESSMENTS -> AssessmentSchedule.class;
        };
    }

    /** The empty content a new plan starts with. */
    static SectionContent empty(SectionKind kind) {
        return switch (kind) {
            case GOALS -> new Goals(List.of());
            case EXERCISES -> new ExerciseProgram(List.of(), null);
            case MEDICATIONS -> new Medications(List.of(), null);
            case SELF_MANAGEMENT -> new SelfManagement(List.of(), null, List.of(), null, List.of());
            case FLARE_UP -> new FlareUpPlan(List.of());
            case ASSESSMENTS -> new AssessmentSchedule(List.of());
        };
    }
}
