package org.backcare.platform.access;

import org.backcare.platform.problem.ProblemException;

/**
 * The rule every service shares: admins and integrators see every patient, a patient sees only themselves, a
 * clinician only the patients whose care team they are on. What each caller may then do is the service's own rule.
 * A caller who may not see the patient gets 404, so the patient's existence is not revealed.
 */
public final class CareTeamAccess {

    private CareTeamAccess() {
    }

    public static boolean canSee(Caller caller, PatientFacts patient) {
        if (caller.isAdmin() || caller.has(Role.INTEGRATOR)) {
            return true;
        }
        return isSelf(caller, patient) || onTeam(caller, patient);
    }

    /** 404 for a patient the caller may not see. */
    public static void requireVisible(Caller caller, PatientFacts patient) {
        if (!canSee(caller, patient)) {
            throw ProblemException.notFound("patient " + patient.patientId());
        }
    }

    /** The caller is this patient, logged in as themselves. */
    public static boolean isSelf(Caller caller, PatientFacts patient) {
        return caller.has(Role.PATIENT) && caller.subject().equals(patient.patientSubject());
    }

    /** The caller is a clinician on this patient's care team. */
    public static boolean onTeam(Caller caller, PatientFacts patient) {
        return caller.isClinician() && patient.careTeamSubjects().contains(caller.subject());
    }
}
