package org.backcare.patient.access;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CareTeamAccess;
import org.backcare.platform.access.PatientFacts;
import org.backcare.platform.access.Role;
import org.backcare.platform.problem.ProblemException;

/**
 * Who may do what with one patient's record. A caller who may not even see the patient gets 404, so the API
 * never reveals that a record exists; a caller who sees it but may not change it gets 403.
 */
public final class PatientAccess {

    /** What a caller wants to do with a patient's record. */
    public enum Action {
        READ,
        /** Demographics, comorbidities, pain onset: the clinical record. */
        EDIT_RECORD,
        /** E-mail, phone, preferred language: the patient may keep these up to date. */
        EDIT_CONTACT,
        CLASSIFY_PAIN,
        /** Link the record to a login or unlink it: whoever holds that login reads the whole record. */
        LINK_LOGIN,
        DISCHARGE,
        MANAGE_CARE_TEAM,
        SCREEN_RED_FLAGS,
        RESOLVE_URGENT_REVIEW
    }

    private PatientAccess() {
    }

    /** Throws 404 when the caller may not see the patient, 403 when they see it but may not do this. */
    public static void require(Caller caller, PatientFacts patient, Action action) {
        CareTeamAccess.requireVisible(caller, patient);
        if (!allowed(caller, patient, action)) {
            throw ProblemException.forbidden(reason(action));
        }
    }

    static boolean allowed(Caller caller, PatientFacts patient, Action action) {
        boolean onTeam = CareTeamAccess.onTeam(caller, patient);
        boolean physicianOnTeam = onTeam && caller.has(Role.PHYSICIAN);
        boolean self = CareTeamAccess.isSelf(caller, patient);
        return switch (action) {
            case READ -> true;
            case EDIT_RECORD -> onTeam || caller.isAdmin();
            case EDIT_CONTACT -> onTeam || caller.isAdmin() || self;
            case CLASSIFY_PAIN, SCREEN_RED_FLAGS -> onTeam;
            case DISCHARGE, MANAGE_CARE_TEAM, LINK_LOGIN -> physicianOnTeam || caller.isAdmin();
            case RESOLVE_URGENT_REVIEW -> physicianOnTeam;
        };
    }

    private static String reason(Action action) {
        return switch (action) {
            case READ -> "you may not read this record";
            case EDIT_RECORD -> "only clinicians on the patient's care team or an admin may change the clinical record";
            case EDIT_CONTACT -> "only the patient, their care team or an admin may change contact details";
            case CLASSIFY_PAIN -> "only clinicians on the patient's care team may classify the pain type";
            case LINK_LOGIN -> "only a physician on the patient's care team or an admin may link the record to a login";
            case DISCHARGE -> "only a physician on the patient's care team or an admin may discharge";
            case MANAGE_CARE_TEAM -> "only a physician on the patient's care team or an admin may change the care team";
            case SCREEN_RED_FLAGS -> "only clinicians on the patient's care team may record a red-flag screening";
            case RESOLVE_URGENT_REVIEW -> "only a physician on the patient's care team may close an urgent review";
        };
    }
}
