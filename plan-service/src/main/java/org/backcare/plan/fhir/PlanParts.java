package org.backcare.plan.fhir;

import org.backcare.plan.plan.Plan;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.Goals;
import org.backcare.plan.section.Medications;
import org.backcare.plan.section.SelfManagement;

import java.util.List;

/**
 * A plan with the sections its FHIR resources are made of. A missing section is empty. Every resource of a plan
 * shares the plan's revision as meta.versionId and its updatedAt as meta.lastUpdated: the revision counts every
 * change of the plan (header, status or any section), and each resource depends on the plan's status.
 */
public record PlanParts(Plan plan, Goals goals, ExerciseProgram exercises, Medications medications,
                        SelfManagement selfManagement) {

    public PlanParts {
        goals = goals != null && goals.goals() != null ? goals : new Goals(List.of());
        exercises = exercises != null && exercises.exercises() != null ? exercises : new ExerciseProgram(List.of(), null);
        medications = medications != null && medications.medications() != null ? medications : new Medications(List.of(), null);
    }
}
