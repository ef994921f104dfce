package org.backcare.tracking.access;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CareTeamAccess;
import org.backcare.platform.access.PatientFacts;
import org.backcare.platform.problem.ProblemException;

/**
 * Who may read and report a patient's tracking data, decided from the care-team projection. Who sees a patient is
 * the rule every service shares ({@link CareTeamAccess}: otherwise 404, existence is not revealed); one who sees it
 * but may not do this gets 403.
 */
public final class PatientAccess {

    /** What a caller wants to do. */
    public enum Action {
        READ,
        /** Record a check-in, an exercise session, a medication intake, a questionnaire: the patient, or a clinician for them. */
        REPORT
    }

    private PatientAccess() {
    }

    public static void require(Caller caller, PatientFacts patient, Action action) {
        CareTeamAccess.requireVisible(caller, patient);
        if (action == Action.REPORT
                && !(CareTeamAccess.isSelf(caller, patient) || CareTeamAccess.onTeam(caller, patient))) {
            throw ProblemException.forbidden("only the patient, or a clinician on their care team, may report for them");
        }
    }
}
