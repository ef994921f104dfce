package org.backcare.patient.access;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;
import org.backcare.patient.access.PatientAccess.Action;
import org.backcare.platform.access.PatientFacts;
import org.backcare.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access rules without the framework: who may change what. Who sees a record is the rule every service shares,
 * tested once in platform-web's CareTeamAccessTest.
 */
class PatientAccessTest {

    private final PatientFacts anna = new PatientFacts(UUID.randomUUID(), "anna", Set.of("dr-house", "pt-jones"));

    private static Caller caller(String subject, String role) {
        return new Caller(subject, Set.of(role), subject);
    }

    @Test
    void invisibleRecordIsNotFoundRatherThanForbidden() {
        assertThatThrownBy(() -> PatientAccess.require(caller("ben", Role.PATIENT), anna, Action.READ))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void visibleButNotPermittedIsForbidden() {
        assertThatThrownBy(() -> PatientAccess.require(caller("anna", Role.PATIENT), anna, Action.DISCHARGE))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> PatientAccess.require(caller("ehr", Role.INTEGRATOR), anna, Action.EDIT_CONTACT))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void onlyPhysiciansOnTheTeamManageTheTeamAndCloseUrgentReviews() {
        assertThat(PatientAccess.allowed(caller("dr-house", Role.PHYSICIAN), anna, Action.MANAGE_CARE_TEAM)).isTrue();
        assertThat(PatientAccess.allowed(caller("pt-jones", Role.PHYSICAL_THERAPIST), anna, Action.MANAGE_CARE_TEAM)).isFalse();
        assertThat(PatientAccess.allowed(caller("root", Role.ADMIN), anna, Action.MANAGE_CARE_TEAM)).isTrue();
        assertThat(PatientAccess.allowed(caller("dr-house", Role.PHYSICIAN), anna, Action.RESOLVE_URGENT_REVIEW)).isTrue();
        assertThat(PatientAccess.allowed(caller("root", Role.ADMIN), anna, Action.RESOLVE_URGENT_REVIEW)).isFalse();
    }

    @Test
    void patientKeepsContactDetailsButNotTheClinicalRecord() {
        assertThat(PatientAccess.allowed(caller("anna", Role.PATIENT), anna, Action.EDIT_CONTACT)).isTrue();
        assertThat(PatientAccess.allowed(caller("anna", Role.PATIENT), anna, Action.EDIT_RECORD)).isFalse();
        assertThat(PatientAccess.allowed(caller("anna", Role.PATIENT), anna, Action.CLASSIFY_PAIN)).isFalse();
        assertThat(PatientAccess.allowed(caller("root", Role.ADMIN), anna, Action.CLASSIFY_PAIN)).isFalse();
        assertThat(PatientAccess.allowed(caller("pt-jones", Role.PHYSICAL_THERAPIST), anna, Action.CLASSIFY_PAIN)).isTrue();
    }
}
