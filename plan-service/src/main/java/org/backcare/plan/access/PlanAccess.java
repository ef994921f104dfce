package org.backcare.plan.access;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CareTeamAccess;
import org.backcare.platform.access.PatientFacts;
import org.backcare.platform.access.Role;
import org.backcare.platform.problem.ProblemException;

/**
 * Who may do what with a patient's plans, decided from the care-team projection. Who sees a patient is the rule
 * every service shares ({@link CareTeamAccess}: otherwise 404, existence is not revealed); one who sees it but may
 * not do this gets 403.
 */
public final class PlanAccess {

    /** What a caller wants to do. Section edits are decided by {@code section.SectionOwnership} on top of EDIT. */
    public enum Action {
        READ,
        /** Create a plan, edit its header and the sections their discipline owns. */
        EDIT,
        /** Activate, pause, complete or discontinue a plan. */
        CHANGE_STATUS
    }

    private PlanAccess() {
    }

    public static void require(Caller caller, PatientFacts patient, Action action) {
        CareTeamAccess.requireVisible(caller, patient);
        if (!allowed(caller, patient, action)) {
            throw ProblemException.forbidden(switch (action) {
                case READ -> "you may not read this plan";
                case EDIT -> "only clinicians on the patient's care team may change the plan";
                case CHANGE_STATUS -> "only a physician on the patient's care team may change the plan's status";
            });
        }
    }

    static boolean allowed(Caller caller, PatientFacts patient, Action action) {
        return switch (action) {
            case READ -> true;
            case EDIT -> CareTeamAccess.onTeam(caller, patient);
            case CHANGE_STATUS -> CareTeamAccess.onTeam(caller, patient) && caller.has(Role.PHYSICIAN);
        };
    }
}
