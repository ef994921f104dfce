package org.backcare.platform.access;

import org.backcare.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CareTeamAccessTest {

    private final PatientFacts anna = new PatientFacts(UUID.randomUUID(), "anna", Set.of("dr-house", "pt-lena"));

    private static Caller caller(String subject, String role) {
        return new Caller(subject, Set.of(role), subject);
    }

    @Test
    void aPatientSeesOnlyThemselves() {
        assertThat(CareTeamAccess.canSee(caller("anna", "patient"), anna)).isTrue();
        assertThat(CareTeamAccess.canSee(caller("ben", "patient"), anna)).isFalse();
        // A clinician's subject on the team does not make a patient login a team member.
        assertThat(CareTeamAccess.canSee(caller("dr-house", "patient"), anna)).isFalse();
    }

    @Test
    void aClinicianSeesOnlyPatientsWhoseTeamTheyAreOn() {
        assertThat(CareTeamAccess.canSee(caller("dr-house", "physician"), anna)).isTrue();
        assertThat(CareTeamAccess.canSee(caller("pt-lena", "physical-therapist"), anna)).isTrue();
        assertThat(CareTeamAccess.canSee(caller("dr-who", "psychologist"), anna)).isFalse();
    }

    @Test
    void adminsAndIntegratorsSeeEveryone() {
        assertThat(CareTeamAccess.canSee(caller("root", "admin"), anna)).isTrue();
        assertThat(CareTeamAccess.canSee(caller("ehr", "integrator"), anna)).isTrue();
    }

    @Test
    void anInvisiblePatientIsNotFoundNotForbidden() {
        assertThatThrownBy(() -> CareTeamAccess.requireVisible(caller("ben", "patient"), anna))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
