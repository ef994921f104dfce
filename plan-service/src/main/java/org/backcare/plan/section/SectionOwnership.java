package org.backcare.plan.section;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;

/**
 * Which discipline owns which part of the plan. A physician may change every section; otherwise the exercise
 * programme belongs to the physical therapist, medications to physicians only, and goals, self-management and
 * the flare-up plan to any clinician on the team. In the assessments schedule each entry belongs to a discipline:
 * a clinician adds, changes and removes the entries of their own discipline (a physician any).
 */
public final class SectionOwnership {

    private SectionOwnership() {
    }

    public static boolean mayEdit(Caller caller, SectionKind kind) {
        if (caller.has(Role.PHYSICIAN)) {
            return true;
        }
        return switch (kind) {
            case EXERCISES -> caller.has(Role.PHYSICAL_THERAPIST);
            case MEDICATIONS -> false;
            case GOALS, SELF_MANAGEMENT, FLARE_UP, ASSESSMENTS -> caller.isClinician();
        };
    }

    /** Whether the caller may add, change or remove an entry owned by this discipline. */
    public static boolean mayEditEntry(Caller caller, Discipline discipline) {
        return caller.has(Role.PHYSICIAN) || caller.has(discipline.role());
    }

    public static String owner(SectionKind kind) {
        return switch (kind) {
            case EXERCISES -> "the physical therapist or a physician";
            case MEDICATIONS -> "a physician";
            case GOALS, SELF_MANAGEMENT, FLARE_UP -> "any clinician on the care team";
            case ASSESSMENTS -> "any clinician on the care team, each entry by its discipline (a physician any)";
        };
    }
}
