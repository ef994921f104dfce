package org.backcare.plan.section;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;

/**
 * Which discipline owns which part of the plan. A physician may change every section; otherwise the exercise
 * programme belongs to the physical therapist, medications to physicians only, and goals, self-management and
 * the flare-up plan to any clinician on the team.
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
            case GOALS, SELF_MANAGEMENT, FLARE_UP -> caller.isClinician();
        };
    }

    public static String owner(SectionKind kind) {
        return switch (kind) {
            case EXERCISES -> "the physical therapist or a physician";
            case MEDICATIONS -> "a physician";
            case GOALS, SELF_MANAGEMENT, FLARE_UP -> "any clinician on the care team";
        };
    }
}
