package org.backcare.plan.medication;

import org.backcare.platform.patients.Comorbidity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MedicationSafetyTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final Set<Comorbidity> HEALTHY = Set.of();

    // ------------------------------------------------------------ rejections

    @Test
    void unknownDrugIsRejectedListingTheFormularyAndNothingElseIsChecked() {
        Prescription oxycodone = rx("oxycodone", "500", null).unit("tablet").noEndDate().build();

        SafetyReport report = MedicationSafety.check(List.of(oxycodone), EnumSet.allOf(Comorbidity.class));

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.drug()).isEqualTo("oxycodone");
            assertThat(issue.code()).isEqualTo("unknown-drug");
            assertThat(issue.message()).contains("oxycodone");
            assertThat(issue.message()).contains(Formulary.codes());
        });
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void prescriptionWithoutDrugIsRejectedAsUnknown() {
        SafetyReport report = check(rx(null, "100", 1).build());

        assertThat(codes(report.rejections())).containsExactly("unknown-drug");
        assertThat(report.rejections().get(0).message()).contains("names no drug", "ibuprofen", "tramadol");
    }

    @Test
    void drugCodesMustMatchTheFormularyExactly() {
        assertThat(codes(check(rx("Ibuprofen", "400", 3).build()).rejections())).containsExactly("unknown-drug");
    }

    @Test
    void unknownDrugDoesNotCountAsADuplicateOfAKnownOne() {
        SafetyReport report = check(rx("ibuprofen", "400", 3).build(), rx("ketoprofen", "50", 3).build());

        assertThat(codes(report.rejections())).containsExactly("unknown-drug");
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void doseInAnotherUnitThanTheFormularyIsRejectedAndNotComparedToTheMaximum() {
        SafetyReport report = check(rx("ibuprofen", "4000", 3).unit("g").build());

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("wrong-unit");
            assertThat(issue.message()).isEqualTo("ibuprofen is dosed in mg, not in 'g'");
        });
    }

    @Test
    void prescriptionWithoutUnitIsRejected() {
        assertThat(codes(check(rx("acetaminophen", "500", 4).unit(null).build()).rejections()))
                .containsExactly("wrong-unit");
    }

    @Test
    void diclofenacGelIsDosedInGrams() {
        assertThat(check(rx("diclofenac-gel", "4", 4).unit("g").build()).rejections()).isEmpty();
        assertThat(codes(check(rx("diclofenac-gel", "4", 4).unit("mg").build()).rejections()))
                .containsExactly("wrong-unit");
    }

    @Test
    void prescriptionWithoutScheduleIsRejected() {
        SafetyReport report = check(rx("acetaminophen", "500", null).build());

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("no-schedule");
            assertThat(issue.message()).contains("acetaminophen", "times per day", "as needed");
        });
    }

    @Test
    void zeroTimesPerDayIsNoSchedule() {
        assertThat(codes(check(rx("acetaminophen", "500", 0).build()).rejections())).containsExactly("no-schedule");
    }

    @Test
    void asNeededWithoutAMaximumNumberOfDosesIsNoSchedule() {
        assertThat(codes(check(rx("acetaminophen", "500", null).asNeeded(null).build()).rejections()))
                .containsExactly("no-schedule");
        assertThat(codes(check(rx("acetaminophen", "500", null).asNeeded(0).build()).rejections()))
                .containsExactly("no-schedule");
    }

    @Test
    void onceADayOrAsNeededOnceADayIsASchedule() {
        assertThat(check(rx("acetaminophen", "500", 1).build()).rejections()).isEmpty();
        assertThat(check(rx("acetaminophen", "500", null).asNeeded(1).build()).rejections()).isEmpty();
    }

    @Test
    void ibuprofenAboveMaximumIsRejected() {
        SafetyReport report = check(rx("ibuprofen", "800", 6).build());

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.drug()).isEqualTo("ibuprofen");
            assertThat(issue.code()).isEqualTo("above-max-daily-dose");
            assertThat(issue.message()).isEqualTo("ibuprofen 4800 mg/day exceeds the maximum of 3200 mg/day");
        });
    }

    @Test
    void exactlyTheMaximumDailyDoseIsAccepted() {
        assertThat(check(rx("ibuprofen", "800", 4).build()).rejections()).isEmpty();
        assertThat(check(rx("ibuprofen", "1600.00", 2).build()).rejections()).isEmpty();
        assertThat(check(rx("ibuprofen", "1600.01", 2).build()).rejections().get(0).message())
                .isEqualTo("ibuprofen 3200.02 mg/day exceeds the maximum of 3200 mg/day");
    }

    @Test
    void asNeededMaximumNumberOfDosesCountsTowardsTheDailyMaximum() {
        assertThat(check(rx("ibuprofen", "400", null).asNeeded(8).build()).rejections()).isEmpty();

        SafetyReport report = check(rx("ibuprofen", "400", null).asNeeded(9).build());

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("above-max-daily-dose");
            assertThat(issue.message()).isEqualTo("ibuprofen 3600 mg/day exceeds the maximum of 3200 mg/day");
        });
    }

    @Test
    void maximumOfAGramDrugIsStatedInGrams() {
        assertThat(check(rx("diclofenac-gel", "8", 4).unit("g").build()).rejections()).isEmpty();
        assertThat(check(rx("diclofenac-gel", "8.5", 4).unit("g").build()).rejections().get(0).message())
                .isEqualTo("diclofenac-gel 34 g/day exceeds the maximum of 32 g/day");
    }

    @Test
    void endBeforeStartIsRejected() {
        SafetyReport report = check(rx("acetaminophen", "500", 3).end(START.minusDays(1)).build());

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("end-before-start");
            assertThat(issue.message()).isEqualTo("acetaminophen ends on 2026-03-01, before it starts on 2026-03-02");
        });
    }

    @Test
    void endingOnTheStartDayIsAOneDayCourse() {
        assertThat(check(rx("ibuprofen", "400", 3).end(START).build()).rejections()).isEmpty();
    }

    @Test
    void opioidWithoutJustificationIsRejected() {
        assertThat(codes(check(tramadol().justification(null).build()).rejections()))
                .containsExactly("opioid-needs-justification");
        assertThat(codes(check(tramadol().justification("   ").build()).rejections()))
                .containsExactly("opioid-needs-justification");
    }

    @Test
    void opioidWithoutReviewDateIsRejected() {
        SafetyReport report = check(tramadol().review(null).build());

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("opioid-needs-review-date");
            assertThat(issue.message()).contains("tramadol", "review date", "90 days");
        });
    }

    @Test
    void opioidReviewedOnDay90IsAccepted() {
        assertThat(check(tramadol().review(START.plusDays(90)).build()).rejections()).isEmpty();
        assertThat(check(tramadol().review(START).build()).rejections()).isEmpty();
    }

    @Test
    void opioidReviewedOnDay91IsRejected() {
        SafetyReport report = check(tramadol().review(START.plusDays(91)).build());

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("opioid-needs-review-date");
            assertThat(issue.message()).contains("91 days", "within 90 days", "2026-05-31");
        });
    }

    @Test
    void opioidReviewDateBeforeTheStartIsRejected() {
        SafetyReport report = check(tramadol().review(START.minusDays(1)).build());

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("opioid-needs-review-date");
            assertThat(issue.message()).contains("before it starts");
        });
    }

    @Test
    void nonOpioidsNeedNeitherJustificationNorReviewDate() {
        SafetyReport report = check(rx("gabapentin", "300", 3).justification(null).review(null).noEndDate().build());

        assertThat(report.rejections()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void rejectionsCannotBeAcknowledged() {
        List<Prescription> plan = List.of(rx("ibuprofen", "800", 6).acknowledge("above-max-daily-dose").build());

        SafetyReport report = MedicationSafety.check(plan, HEALTHY);

        assertThat(codes(report.rejections())).containsExactly("above-max-daily-dose");
        assertThat(report.unacknowledged(plan)).isEmpty();
        assertThat(report.acceptable(plan)).isFalse();
    }

    // ------------------------------------------------------------ NSAID warnings

    @Test
    void nsaidWithoutEndDateWarnsUntilAcknowledged() {
        List<Prescription> plan = List.of(rx("naproxen", "500", 2).noEndDate().build());
        SafetyReport report = MedicationSafety.check(plan, HEALTHY);

        assertThat(report.rejections()).isEmpty();
        assertThat(report.warnings()).singleElement().satisfies(issue -> {
            assertThat(issue.drug()).isEqualTo("naproxen");
            assertThat(issue.code()).isEqualTo("nsaid-without-end-date");
            assertThat(issue.message()).contains("naproxen", "no end date");
        });
        assertThat(report.acceptable(plan)).isFalse();

        List<Prescription> acknowledged = List.of(rx("naproxen", "500", 2).noEndDate()
                .acknowledge("nsaid-without-end-date").build());
        assertThat(MedicationSafety.check(acknowledged, HEALTHY).acceptable(acknowledged)).isTrue();
    }

    @Test
    void nonNsaidsWithoutEndDateDoNotWarn() {
        SafetyReport report = check(rx("acetaminophen", "1000", 3).noEndDate().build(),
                rx("diclofenac-gel", "4", 4).unit("g").noEndDate().build(),
                rx("duloxetine", "60", 1).noEndDate().build());

        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void nsaidForExactlyTenDaysDoesNotWarn() {
        assertThat(check(rx("ibuprofen", "400", 3).end(START.plusDays(9)).build()).warnings()).isEmpty();
    }

    @Test
    void nsaidForElevenDaysWarns() {
        SafetyReport report = check(rx("ibuprofen", "400", 3).end(START.plusDays(10)).build());

        assertThat(report.warnings()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("nsaid-longer-than-10-days");
            assertThat(issue.message()).contains("ibuprofen", "11 days", "more than 10 days");
        });
    }

    @Test
    void nsaidForPatientWithKidneyDiseaseWarnsUntilAcknowledged() {
        Set<Comorbidity> kidneys = Set.of(Comorbidity.KIDNEY_DISEASE);
        List<Prescription> plan = List.of(rx("ibuprofen", "400", 3).build());

        SafetyReport report = MedicationSafety.check(plan, kidneys);

        assertThat(report.warnings()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("nsaid-kidney-disease");
            assertThat(issue.message()).contains("ibuprofen", "kidney disease");
        });
        assertThat(report.unacknowledged(plan)).isEqualTo(report.warnings());
        assertThat(report.acceptable(plan)).isFalse();

        List<Prescription> acknowledged =
                List.of(rx("ibuprofen", "400", 3).acknowledge("nsaid-kidney-disease").build());
        SafetyReport again = MedicationSafety.check(acknowledged, kidneys);
        assertThat(again.warnings()).hasSize(1);
        assertThat(again.unacknowledged(acknowledged)).isEmpty();
        assertThat(again.acceptable(acknowledged)).isTrue();
    }

    @ParameterizedTest(name = "{1} for {0}")
    @CsvSource({
            "gi-ulcer-or-bleed,      nsaid-gi-ulcer-or-bleed-history, ulcer",
            "kidney-disease,         nsaid-kidney-disease,            kidney",
            "cardiovascular-disease, nsaid-cardiovascular-disease,    heart attack",
            "pregnancy,              nsaid-in-pregnancy,              pregnant"})
    void everySystemicNsaidWarnsForARiskyComorbidity(String comorbidity, String code, String wording) {
        for (String nsaid : List.of("ibuprofen", "naproxen", "celecoxib")) {
            SafetyReport report = MedicationSafety.check(List.of(rx(nsaid, "100", 2).build()),
                    Set.of(Comorbidity.fromCode(comorbidity)));

            assertThat(report.warnings()).as(nsaid).singleElement().satisfies(issue -> {
                assertThat(issue.drug()).isEqualTo(nsaid);
                assertThat(issue.code()).isEqualTo(code);
                assertThat(issue.message()).contains(nsaid, wording);
            });
        }
    }

    @Test
    void nsaidWarningsAddUpForEveryApplicableRisk() {
        SafetyReport report = MedicationSafety.check(List.of(rx("naproxen", "500", 2).noEndDate().build()),
                EnumSet.allOf(Comorbidity.class));

        assertThat(codes(report.warnings())).containsExactly("nsaid-without-end-date",
                "nsaid-gi-ulcer-or-bleed-history", "nsaid-kidney-disease", "nsaid-cardiovascular-disease",
                "nsaid-in-pregnancy");
    }

    @Test
    void topicalDiclofenacGetsNoSystemicNsaidWarnings() {
        Prescription gel = rx("diclofenac-gel", "4", 4).unit("g").end(START.plusDays(59)).build();

        SafetyReport report = MedicationSafety.check(List.of(gel), EnumSet.allOf(Comorbidity.class));

        assertThat(report.rejections()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void nsaidDoesNotWarnForLiverDiseaseOrSubstanceUse() {
        SafetyReport report = MedicationSafety.check(List.of(rx("ibuprofen", "400", 3).build()),
                Set.of(Comorbidity.LIVER_DISEASE, Comorbidity.SUBSTANCE_USE_DISORDER));

        assertThat(report.warnings()).isEmpty();
    }

    // ------------------------------------------------------------ other warnings

    @Test
    void twoNsaidsWarnOnEachNamingTheOther() {
        SafetyReport report = check(rx("ibuprofen", "400", 3).build(), rx("naproxen", "500", 2).build());

        assertThat(report.rejections()).isEmpty();
        assertThat(report.warnings()).extracting(SafetyIssue::drug, SafetyIssue::code).containsExactly(
                tuple("ibuprofen", "duplicate-class"),
                tuple("naproxen", "duplicate-class"));
        assertThat(report.warnings().get(0).message())
                .isEqualTo("ibuprofen is prescribed together with naproxen, of the same class (NSAID): "
                        + "combining them adds side effects rather than relief");
        assertThat(report.warnings().get(1).message()).startsWith("naproxen is prescribed together with ibuprofen");
    }

    @Test
    void threeDrugsOfOneClassEachNameBothOthers() {
        SafetyReport report = check(rx("ibuprofen", "400", 3).build(), rx("naproxen", "500", 2).build(),
                rx("celecoxib", "200", 1).build());

        assertThat(codes(report.warnings())).containsExactly("duplicate-class", "duplicate-class", "duplicate-class");
        assertThat(report.warnings().get(0).message()).contains("with naproxen and celecoxib");
        assertThat(report.warnings().get(2).message()).contains("with ibuprofen and naproxen");
    }

    @Test
    void twoGabapentinoidsAreDuplicates() {
        SafetyReport report = check(rx("gabapentin", "300", 3).build(), rx("pregabalin", "75", 2).build());

        assertThat(report.warnings()).extracting(SafetyIssue::drug).containsExactly("gabapentin", "pregabalin");
        assertThat(report.warnings().get(0).message()).contains("pregabalin", "gabapentinoid");
    }

    @Test
    void sameDrugPrescribedTwiceIsADuplicate() {
        SafetyReport report = check(rx("acetaminophen", "500", 3).build(), rx("acetaminophen", "1000", 1).build());

        assertThat(codes(report.warnings())).containsExactly("duplicate-class", "duplicate-class");
        assertThat(report.warnings().get(0).message()).contains("another acetaminophen prescription");
    }

    @Test
    void drugsOfDifferentClassesAreNotDuplicates() {
        SafetyReport report = check(rx("ibuprofen", "400", 3).build(),
                rx("diclofenac-gel", "4", 4).unit("g").build(),
                rx("acetaminophen", "1000", 3).build(), rx("gabapentin", "300", 3).build(),
                rx("duloxetine", "60", 1).build(), rx("amitriptyline", "10", 1).build(),
                rx("cyclobenzaprine", "5", 3).build());

        assertThat(report.rejections()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void everyOpioidWarns() {
        SafetyReport report = check(tramadol().build());

        assertThat(report.rejections()).isEmpty();
        assertThat(report.warnings()).singleElement().satisfies(issue -> {
            assertThat(issue.drug()).isEqualTo("tramadol");
            assertThat(issue.code()).isEqualTo("opioid");
            assertThat(issue.message()).isEqualTo("opioids are rarely indicated for chronic back pain: dependence "
                    + "risk and opioid-induced hyperalgesia; review within 90 days");
        });
    }

    @Test
    void opioidForPatientWithSubstanceUseHistoryWarnsUntilAcknowledged() {
        Set<Comorbidity> history = Set.of(Comorbidity.SUBSTANCE_USE_DISORDER);
        List<Prescription> plan = List.of(tramadol().acknowledge("opioid").build());

        SafetyReport report = MedicationSafety.check(plan, history);

        assertThat(codes(report.warnings())).containsExactly("opioid", "opioid-substance-use-history");
        assertThat(codes(report.unacknowledged(plan))).containsExactly("opioid-substance-use-history");
        assertThat(report.unacknowledged(plan).get(0).message()).contains("tramadol", "substance use disorder");

        List<Prescription> both = List.of(tramadol().acknowledge("opioid", "opioid-substance-use-history").build());
        assertThat(MedicationSafety.check(both, history).acceptable(both)).isTrue();
    }

    @Test
    void acetaminophenForPatientWithLiverDiseaseWarns() {
        Prescription acetaminophen = rx("acetaminophen", "500", 3).noEndDate().build();

        assertThat(check(acetaminophen).warnings()).isEmpty();

        SafetyReport report = MedicationSafety.check(List.of(acetaminophen), Set.of(Comorbidity.LIVER_DISEASE));
        assertThat(report.warnings()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo("acetaminophen-liver-disease");
            assertThat(issue.message()).contains("liver");
        });
    }

    // ------------------------------------------------------------ acknowledgment and the whole plan

    @Test
    void acknowledgmentOfOneDrugDoesNotCoverAnother() {
        List<Prescription> plan = List.of(
                rx("ibuprofen", "400", 3).acknowledge("nsaid-kidney-disease", "duplicate-class").build(),
                rx("naproxen", "500", 2).build());

        SafetyReport report = MedicationSafety.check(plan, Set.of(Comorbidity.KIDNEY_DISEASE));

        assertThat(report.warnings()).hasSize(4);
        assertThat(report.unacknowledged(plan)).extracting(SafetyIssue::drug).containsOnly("naproxen");
        assertThat(codes(report.unacknowledged(plan))).containsExactly("nsaid-kidney-disease", "duplicate-class");
        assertThat(report.acceptable(plan)).isFalse();
    }

    @Test
    void acknowledgingAnotherWarningDoesNotCount() {
        List<Prescription> plan = List.of(rx("ibuprofen", "400", 3).acknowledge("nsaid-in-pregnancy").build());

        SafetyReport report = MedicationSafety.check(plan, Set.of(Comorbidity.KIDNEY_DISEASE));

        assertThat(codes(report.unacknowledged(plan))).containsExactly("nsaid-kidney-disease");
    }

    @Test
    void drugPrescribedTwiceMustAcknowledgeOnEveryPrescription() {
        List<Prescription> onlyOne = List.of(rx("acetaminophen", "500", 3).acknowledge("duplicate-class").build(),
                rx("acetaminophen", "1000", 1).build());
        List<Prescription> both = List.of(rx("acetaminophen", "500", 3).acknowledge("duplicate-class").build(),
                rx("acetaminophen", "1000", 1).acknowledge("duplicate-class").build());

        assertThat(MedicationSafety.check(onlyOne, HEALTHY).acceptable(onlyOne)).isFalse();
        assertThat(MedicationSafety.check(both, HEALTHY).acceptable(both)).isTrue();
    }

    @Test
    void warningForADrugMissingFromTheListIsUnacknowledged() {
        SafetyReport report = new SafetyReport(List.of(), List.of(new SafetyIssue("tramadol", "opioid", "...")));

        assertThat(report.unacknowledged(List.of(rx("ibuprofen", "400", 3).acknowledge("opioid").build())))
                .hasSize(1);
        assertThat(report.acceptable(List.of())).isFalse();
    }

    @Test
    void cleanRealisticPlanHasNoIssues() {
        List<Prescription> plan = List.of(
                rx("naproxen", "500", 2).end(START.plusDays(9)).build(),
                rx("gabapentin", "100", 1).noEndDate().instructions("at night").build());

        SafetyReport report = MedicationSafety.check(plan, HEALTHY);

        assertThat(report.rejections()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.acceptable(plan)).isTrue();
    }

    @Test
    void emptyPlanIsAcceptableAndMissingArgumentsCountAsEmpty() {
        assertThat(MedicationSafety.check(List.of(), HEALTHY).acceptable(List.of())).isTrue();
        assertThat(MedicationSafety.check(null, null).acceptable(null)).isTrue();
        List<Prescription> plan = List.of(rx("ibuprofen", "400", 3).build());
        assertThat(MedicationSafety.check(plan, null).acceptable(plan)).isTrue();
    }

    @Test
    void nullPrescriptionInTheListIsAProgrammingError() {
        List<Prescription> plan = new ArrayList<>();
        plan.add(null);
        assertThatThrownBy(() -> MedicationSafety.check(plan, HEALTHY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void issuesFollowTheOrderOfTheMedicationList() {
        SafetyReport report = check(rx("celecoxib", "400", 2).build(), rx("ibuprofen", "400", 3).noEndDate().build(),
                rx("duloxetine", "60", 3).build());

        assertThat(report.rejections()).extracting(SafetyIssue::drug).containsExactly("celecoxib", "duloxetine");
        assertThat(report.warnings()).extracting(SafetyIssue::drug, SafetyIssue::code).containsExactly(
                tuple("celecoxib", "duplicate-class"),
                tuple("ibuprofen", "nsaid-without-end-date"),
                tuple("ibuprofen", "duplicate-class"));
    }

    // ------------------------------------------------------------ daily dose

    @Test
    void dailyDoseIsDoseTimesTimesPerDay() {
        assertThat(rx("ibuprofen", "400", 3).build().dailyDose()).isEqualByComparingTo("1200");
    }

    @Test
    void asNeededDailyDoseIsDoseTimesMaximumDosesPerDay() {
        assertThat(rx("acetaminophen", "500", null).asNeeded(6).build().dailyDose()).isEqualByComparingTo("3000");
        assertThat(rx("acetaminophen", "500", 2).asNeeded(6).build().dailyDose()).isEqualByComparingTo("3000");
        assertThat(rx("acetaminophen", "500", 2).maxDoses(6).build().dailyDose())
                .as("the cap only applies as needed").isEqualByComparingTo("1000");
    }

    @Test
    void asNeededWithoutMaximumDosesCountsTimesPerDay() {
        Prescription uncapped = rx("ibuprofen", "800", 6).asNeeded(null).build();

        assertThat(uncapped.dailyDose()).isEqualByComparingTo("4800");
        assertThat(codes(check(uncapped).rejections())).containsExactly("above-max-daily-dose");
    }

    @Test
    void dailyDoseIsNullWhenItCannotBeComputed() {
        assertThat(rx("ibuprofen", null, 3).build().dailyDose()).isNull();
        assertThat(rx("ibuprofen", "400", null).build().dailyDose()).isNull();
        assertThat(rx("ibuprofen", "400", null).asNeeded(null).build().dailyDose()).isNull();
    }

    @Test
    void missingAcknowledgedWarningsMeanNone() {
        Prescription p = new Prescription(UUID.randomUUID(), "ibuprofen", new BigDecimal("400"), "mg", 3, false,
                null, START, START.plusDays(6), null, null, null, null);

        assertThat(p.acknowledgedWarnings()).isEmpty();
        assertThat(MedicationSafety.check(List.of(p), Set.of(Comorbidity.PREGNANCY)).acceptable(List.of(p))).isFalse();
    }

    // ------------------------------------------------------------ helpers

    private static SafetyReport check(Prescription... prescriptions) {
        return MedicationSafety.check(List.of(prescriptions), HEALTHY);
    }

    private static List<String> codes(List<SafetyIssue> issues) {
        return issues.stream().map(SafetyIssue::code).toList();
    }

    /** A regular one-week prescription in mg starting on {@link #START}; adjust with the fluent setters. */
    private static Rx rx(String drug, String dose, Integer timesPerDay) {
        return new Rx(drug, dose == null ? null : new BigDecimal(dose), timesPerDay);
    }

    /** Tramadol 50 mg twice a day, justified and reviewed after 30 days: only the "opioid" warning. */
    private static Rx tramadol() {
        return rx("tramadol", "50", 2).justification("radicular pain not controlled by gabapentin and duloxetine")
                .review(START.plusDays(30));
    }

    private static final class Rx {
        private final String drug;
        private final BigDecimal dose;
        private final Integer timesPerDay;
        private String unit = "mg";
        private boolean asNeeded;
        private Integer maxDosesPerDay;
        private LocalDate end = START.plusDays(6);
        private LocalDate review;
        private String justification;
        private Set<String> acknowledged = Set.of();
        private String instructions;

        Rx(String drug, BigDecimal dose, Integer timesPerDay) {
            this.drug = drug;
            this.dose = dose;
            this.timesPerDay = timesPerDay;
        }

        Rx unit(String unit) {
            this.unit = unit;
            return this;
        }

        Rx asNeeded(Integer maxDosesPerDay) {
            this.asNeeded = true;
            this.maxDosesPerDay = maxDosesPerDay;
            return this;
        }

        Rx maxDoses(Integer maxDosesPerDay) {
            this.maxDosesPerDay = maxDosesPerDay;
            return this;
        }

        Rx end(LocalDate end) {
            this.end = end;
            return this;
        }

        Rx noEndDate() {
            return end(null);
        }

        Rx review(LocalDate review) {
            this.review = review;
            return this;
        }

        Rx justification(String justification) {
            this.justification = justification;
            return this;
        }

        Rx acknowledge(String... codes) {
            this.acknowledged = Set.of(codes);
            return this;
        }

        Rx instructions(String instructions) {
            this.instructions = instructions;
            return this;
        }

        Prescription build() {
            return new Prescription(UUID.randomUUID(), drug, dose, unit, timesPerDay, asNeeded, maxDosesPerDay,
                    START, end, review, justification, acknowledged, instructions);
        }
    }
}
