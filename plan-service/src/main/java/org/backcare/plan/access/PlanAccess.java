package org.backcare.plan.access;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;
import org.backcare.platform.problem.ProblemException;

import java.util.Set;
import java.util.UUID;

/**
 * Who may do what with a patient's plans, decided from the care-team projection. A caller who may not see the
 * patient gets 404 (existence is not revealed); one who sees it but may not do this gets 403.
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

    /** What access depends on: the patient's login and the subjects on their care team. */
    public record Facts(UUID patientId, String patientSubject, Set<String> careTeamSubjects) {
    }

    private PlanAccess() {
    }

    public static boolean canSee(Caller caller, Facts patient) {
        if (caller.isAdmin() || caller.has(Role.INTEGRATOR)) {
            return true;
        }
        if (caller.has(Role.PATIENT) && caller.subject().equals(patient.patientSubject())) {
            return true;
        }
        return onTeam(caller, patient);
    }

    public static void require(Caller caller, Facts patient, Action action) {
        if (!canSee(caller, patient)) {
            throw ProblemException.notFound("patient " + patient.patientId());
        }
        if (!allowed(caller, patient, action)) {
            throw ProblemException.forbidden(switch (action) {
                case READ -> "you may not read this plan";
                case EDIT -> "only clinicians on the patient's care team may change the plan";
                case CHANGE_STATUS -> "only a physician on the patient's care team may change the plan's status";
            });
        }
    }

    static boolean allowed(Caller caller, Facts patient, Action action) {
        return switch (action) {
            case READ -> true;
            case EDIT -> onTeam(caller, patient);
            case CHANGE_STATUS -> onTeam(caller, patient) && caller.has(Role.PHYSICIAN);
        };
    }

    private static boolean onTeam(Caller caller, Facts patient) {
        return caller.isClinician() && patient.careTeamSubjects().contains(caller.subject());
    }
}
