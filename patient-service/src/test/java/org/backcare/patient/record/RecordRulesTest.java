package org.backcare.patient.record;

import org.backcare.patient.access.PatientAccess.Action;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecordRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static PatientRequest request(LocalDate birth, LocalDate onset, PainType type, String rationale) {
        return new PatientRequest("Anna", "Berg", birth, Sex.FEMALE, null, null, null, null, onset, type, rationale,
                Set.of());
    }

    @Test
    void painIsChronicAfterMoreThanTwelveWeeks() {
        assertThat(RecordRules.isChronic(TODAY.minusWeeks(12), TODAY)).isFalse();
        assertThat(RecordRules.isChronic(TODAY.minusWeeks(12).minusDays(1), TODAY)).isTrue();
        assertThat(RecordRules.isChronic(null, TODAY)).isNull();
    }

    @Test
    void painCannotStartBeforeBirth() {
        assertThat(RecordRules.crossFieldErrors(request(LocalDate.of(1980, 1, 1), LocalDate.of(1979, 1, 1), null, null)))
                .extracting(e -> e.field()).containsExactly("painOnsetDate");
    }

    @Test
    void aPainTypeNeedsTheClinicianRationaleAndViceVersa() {
        assertThat(RecordRules.crossFieldErrors(request(LocalDate.of(1980, 1, 1), null, PainType.RADICULAR, " ")))
                .extracting(e -> e.field()).containsExactly("painTypeRationale");
        assertThat(RecordRules.crossFieldErrors(request(LocalDate.of(1980, 1, 1), null, null, "shooting pain")))
                .extracting(e -> e.field()).containsExactly("painType");
        assertThat(RecordRules.crossFieldErrors(request(LocalDate.of(1980, 1, 1), null, PainType.RADICULAR, "SLR+")))
                .isEmpty();
    }

    @Test
    void implausiblyOldBirthDatesAreRejected() {
        assertThat(RecordRules.crossFieldErrors(request(LocalDate.of(1899, 12, 31), null, null, null)))
                .extracting(e -> e.field()).containsExactly("birthDate");
    }

    @Test
    void contactChangesNeedLessThanClinicalOnes() {
        assertThat(PatientService.requiredActions(Set.of("phone", "email"))).containsExactly(Action.EDIT_CONTACT);
        assertThat(PatientService.requiredActions(Set.of("phone", "comorbidities"))).containsExactly(Action.EDIT_RECORD);
        assertThat(PatientService.requiredActions(Set.of("painType")))
                .containsExactlyInAnyOrder(Action.EDIT_RECORD, Action.CLASSIFY_PAIN);
        assertThat(PatientService.requiredActions(Set.of())).isEmpty();
    }
}
