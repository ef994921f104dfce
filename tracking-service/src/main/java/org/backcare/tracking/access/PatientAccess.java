package org.backcare.tracking.access;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;
import org.backcare.platform.problem.ProblemException;

import java.util.Set;
import java.util.UUID;

/**
 * Who may read and report a patient's tracking data, decided from the care-team projection. A caller who may not
 * see the patient gets 404 (existence is not revealed); one who sees it but may not do this gets 403.
 */
public final class PatientAccess {

    /** What a caller wants to do. */
    public enum Action {
        READ,
        /** Record a check-in, an exercise session, a medication intake, a questionnaire: the patient, or a clinician for them. */
        REPORT
    }

    /** What access depends on: the patient's login and the subjects on their care team. */
    public record Facts(UUID patientId, String patientSubject, Set<String> careTeamSubjects) {
    }

    private PatientAccess() {
    }

    public static boolean canSee(Caller caller, Facts patient) {
        if (caller.isAdmin() || caller.has(Role.INTEGRATOR)) {
            return true;
        }
        return self(caller, patient) || onTeam(caller, patient);
    }

    public static void require(Caller caller, Facts patient, Action action) {
        if (!canSee(caller, patient)) {
            throw ProblemException.notFound("patient " + patient.patientId());
        }
        if (action == Action.REPORT && !(self(caller, patient) || onTeam(caller, patient))) {
            throw ProblemException.forbidden("only the patient, or a clinician on their care team, may report for them");
        }
    }

    private static boolean self(Caller caller, Facts patient) {
        return caller.has(Role.PATIENT) && caller.subject().equals(patient.patientSubject());
    }

    private static boolean onTeam(Caller caller, Facts patient) {
        return caller.isClinician() && patient.careTeamSubjects().contains(caller.subject());
    }
}
