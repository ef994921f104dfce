package org.backcare.plan.medication;

import org.backcare.platform.patients.Comorbidity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The clinic's medication rulebook for chronic back pain, applied to the whole medication list of a plan.
 * <p>
 * Rejections are errors no acknowledgment can override: an unknown drug, a wrong unit, no schedule, a daily dose
 * above the maximum, an end before the start, an opioid without justification or timely review. Warnings are real
 * risks a physician may knowingly accept, one prescription at a time, by acknowledging the warning code on that
 * prescription (systemic NSAIDs without an end date or beyond 10 days, NSAIDs with ulcer, kidney, heart disease or
 * pregnancy, two drugs of one class, any opioid, opioids after substance use disorder, acetaminophen with liver
 * disease).
 * <p>
 * "NSAID" means a systemic NSAID ({@link DrugClass#NSAID}); the topical diclofenac gel has few systemic effects and
 * gets none of the NSAID warnings. A prescription of an unknown drug gets only the {@code unknown-drug} rejection:
 * nothing else can be judged without knowing the drug. Rules that compare dates skip a missing start date.
 */
public final class MedicationSafety {

    // Rejections: cannot be acknowledged.
    public static final String UNKNOWN_DRUG = "unknown-drug";
    public static final String WRONG_UNIT = "wrong-unit";
    public static final String NO_SCHEDULE = "no-schedule";
    public static final String ABOVE_MAX_DAILY_DOSE = "above-max-daily-dose";
    public static final String END_BEFORE_START = "end-before-start";
    public static final String OPIOID_NEEDS_JUSTIFICATION = "opioid-needs-justification";
    public static final String OPIOID_NEEDS_REVIEW_DATE = "opioid-needs-review-date";

    // Warnings: acceptable once acknowledged on the prescription.
    public static final String NSAID_WITHOUT_END_DATE = "nsaid-without-end-date";
    public static final String NSAID_LONGER_THAN_10_DAYS = "nsaid-longer-than-10-days";
    public static final String NSAID_GI_ULCER_OR_BLEED_HISTORY = "nsaid-gi-ulcer-or-bleed-history";
    public static final String NSAID_KIDNEY_DISEASE = "nsaid-kidney-disease";
    public static final String NSAID_CARDIOVASCULAR_DISEASE = "nsaid-cardiovascular-disease";
    public static final String NSAID_IN_PREGNANCY = "nsaid-in-pregnancy";
    public static final String DUPLICATE_CLASS = "duplicate-class";
    public static final String OPIOID = "opioid";
    public static final String OPIOID_SUBSTANCE_USE_HISTORY = "opioid-substance-use-history";
    public static final String ACETAMINOPHEN_LIVER_DISEASE = "acetaminophen-liver-disease";

    /** Longest course of a systemic NSAID, in consecutive days, that needs no acknowledgment. */
    public static final int MAX_NSAID_COURSE_DAYS = 10;
    /** An opioid must be reviewed at the latest this many days after it starts. */
    public static final int OPIOID_REVIEW_WITHIN_DAYS = 90;

    static final String OPIOID_MESSAGE = "opioids are rarely indicated for chronic back pain: dependence risk and "
            + "opioid-induced hyperalgesia; review within " + OPIOID_REVIEW_WITHIN_DAYS + " days";

    /** One rule looks at one prescription of a known drug, in the context of the whole plan. */
    @FunctionalInterface
    private interface Rule {
        Optional<SafetyIssue> check(Prescription prescription, Drug drug, Plan plan);
    }

    /** The whole medication list and the patient it is for. */
    private record Plan(List<Prescription> medications, Set<Comorbidity> comorbidities) {
        boolean patientHas(Comorbidity comorbidity) {
            return comorbidities.contains(comorbidity);
        }
    }

    private static final List<Rule> REJECTIONS = List.of(
            MedicationSafety::wrongUnit,
            MedicationSafety::noSchedule,
            MedicationSafety::aboveMaxDailyDose,
            MedicationSafety::endBeforeStart,
            MedicationSafety::opioidNeedsJustification,
            MedicationSafety::opioidNeedsReviewDate);

    private static final List<Rule> WARNINGS = List.of(
            MedicationSafety::nsaidWithoutEndDate,
            MedicationSafety::nsaidLongerThan10Days,
            MedicationSafety::nsaidWithGiUlcerOrBleedHistory,
            MedicationSafety::nsaidWithKidneyDisease,
            MedicationSafety::nsaidWithCardiovascularDisease,
            MedicationSafety::nsaidInPregnancy,
            MedicationSafety::duplicateClass,
            MedicationSafety::opioid,
            MedicationSafety::opioidWithSubstanceUseHistory,
            MedicationSafety::acetaminophenWithLiverDisease);

    private MedicationSafety() {
    }

    /**
     * Checks the WHOLE medication list of a plan for a patient with these comorbidities. Issues come in the order
     * of the list, and for each prescription in the order of the rulebook. {@code null} arguments count as empty.
     */
    public static SafetyReport check(List<Prescription> medications, Set<Comorbidity> comorbidities) {
        List<Prescription> list = medications == null ? List.of() : medications;
        if (list.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("the medication list must not contain null prescriptions");
        }
        Plan plan = new Plan(list, comorbidities == null ? Set.of() : comorbidities);
        List<SafetyIssue> rejections = new ArrayList<>();
        List<SafetyIssue> warnings = new ArrayList<>();
        for (Prescription prescription : plan.medications()) {
            Optional<Drug> drug = Formulary.find(prescription.drug());
            if (drug.isEmpty()) {
                rejections.add(unknownDrug(prescription));
                continue;
            }
            for (Rule rule : REJECTIONS) {
                rule.check(prescription, drug.get(), plan).ifPresent(rejections::add);
            }
            for (Rule rule : WARNINGS) {
                rule.check(prescription, drug.get(), plan).ifPresent(warnings::add);
            }
        }
        return new SafetyReport(rejections, warnings);
    }

    // ---------------------------------------------------------------- rejections

    /** Only formulary drugs can be prescribed: for anything else the clinic has no maximum dose and no rules. */
    private static SafetyIssue unknownDrug(Prescription p) {
        String what = p.drug() == null || p.drug().isBlank()
                ? "the prescription names no drug"
                : "'" + p.drug() + "' is not in the formulary";
        return new SafetyIssue(p.drug(), UNKNOWN_DRUG,
                what + "; prescribe one of " + String.join(", ", Formulary.codes()));
    }

    /** A dose is written in the formulary unit of the drug (mg, or g for the gel), so it can be checked. */
    private static Optional<SafetyIssue> wrongUnit(Prescription p, Drug drug, Plan plan) {
        if (drug.unit().equals(p.unit())) {
            return Optional.empty();
        }
        String written = p.unit() == null || p.unit().isBlank() ? "no unit is given" : "not in '" + p.unit() + "'";
        return issue(p, WRONG_UNIT, p.drug() + " is dosed in " + drug.unit() + ", " + written);
    }

    /** Every prescription says how often: a number of times a day, or as needed with a daily maximum of doses. */
    private static Optional<SafetyIssue> noSchedule(Prescription p, Drug drug, Plan plan) {
        boolean regular = p.timesPerDay() != null && p.timesPerDay() >= 1;
        boolean asNeeded = p.asNeeded() && p.maxDosesPerDay() != null && p.maxDosesPerDay() >= 1;
        if (regular || asNeeded) {
            return Optional.empty();
        }
        return issue(p, NO_SCHEDULE, p.drug() + " has no schedule: give the number of times per day, "
                + "or mark it as needed with a maximum number of doses per day");
    }

    /** The daily dose (as-needed: the most the patient may take in a day) stays within the formulary maximum. */
    private static Optional<SafetyIssue> aboveMaxDailyDose(Prescription p, Drug drug, Plan plan) {
        BigDecimal daily = p.dailyDose();
        if (daily == null || !drug.unit().equals(p.unit()) || daily.compareTo(drug.maxDailyDose()) <= 0) {
            return Optional.empty();
        }
        return issue(p, ABOVE_MAX_DAILY_DOSE, p.drug() + " " + amount(daily) + " " + drug.unit()
                + "/day exceeds the maximum of " + amount(drug.maxDailyDose()) + " " + drug.unit() + "/day");
    }

    /** A prescription cannot end before it starts (the end date is the last day it is taken). */
    private static Optional<SafetyIssue> endBeforeStart(Prescription p, Drug drug, Plan plan) {
        if (p.startDate() == null || p.endDate() == null || !p.endDate().isBefore(p.startDate())) {
            return Optional.empty();
        }
        return issue(p, END_BEFORE_START,
                p.drug() + " ends on " + p.endDate() + ", before it starts on " + p.startDate());
    }

    /** An opioid is the exception for chronic back pain: the prescriber writes down why it is needed. */
    private static Optional<SafetyIssue> opioidNeedsJustification(Prescription p, Drug drug, Plan plan) {
        if (!isOpioid(drug) || (p.justification() != null && !p.justification().isBlank())) {
            return Optional.empty();
        }
        return issue(p, OPIOID_NEEDS_JUSTIFICATION, p.drug() + " is an opioid: write down why it is needed "
                + "despite the dependence risk and opioid-induced hyperalgesia");
    }

    /** An opioid is reviewed no later than 90 days after it starts (and not before it starts). */
    private static Optional<SafetyIssue> opioidNeedsReviewDate(Prescription p, Drug drug, Plan plan) {
        if (!isOpioid(drug)) {
            return Optional.empty();
        }
        LocalDate review = p.reviewDate();
        LocalDate start = p.startDate();
        if (review == null) {
            return issue(p, OPIOID_NEEDS_REVIEW_DATE, p.drug() + " is an opioid: set a review date no later than "
                    + OPIOID_REVIEW_WITHIN_DAYS + " days after it starts");
        }
        if (start != null && review.isBefore(start)) {
            return issue(p, OPIOID_NEEDS_REVIEW_DATE, p.drug() + " has its review date " + review
                    + " before it starts on " + start);
        }
        if (start != null && review.isAfter(start.plusDays(OPIOID_REVIEW_WITHIN_DAYS))) {
            return issue(p, OPIOID_NEEDS_REVIEW_DATE, p.drug() + " is an opioid reviewed "
                    + ChronoUnit.DAYS.between(start, review) + " days after it starts; review it within "
                    + OPIOID_REVIEW_WITHIN_DAYS + " days (by " + start.plusDays(OPIOID_REVIEW_WITHIN_DAYS) + ")");
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- warnings

    /** NSAIDs are not taken daily for longer than recommended: an open-ended NSAID has no planned stop. */
    private static Optional<SafetyIssue> nsaidWithoutEndDate(Prescription p, Drug drug, Plan plan) {
        if (!isSystemicNsaid(drug) || p.endDate() != null) {
            return Optional.empty();
        }
        return issue(p, NSAID_WITHOUT_END_DATE, p.drug() + " has no end date: NSAIDs should not be taken daily "
                + "longer than recommended, as 15-20% of users get stomach trouble, ulcers or kidney strain");
    }

    /** More than 10 consecutive days of an NSAID (end - start + 1 > 10) needs a deliberate decision. */
    private static Optional<SafetyIssue> nsaidLongerThan10Days(Prescription p, Drug drug, Plan plan) {
        if (!isSystemicNsaid(drug) || p.startDate() == null || p.endDate() == null) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(p.startDate(), p.endDate()) + 1;
        if (days <= MAX_NSAID_COURSE_DAYS) {
            return Optional.empty();
        }
        return issue(p, NSAID_LONGER_THAN_10_DAYS, p.drug() + " runs for " + days + " days: an NSAID taken for "
                + "more than " + MAX_NSAID_COURSE_DAYS + " days in a row raises the risk of stomach ulcers and "
                + "kidney strain");
    }

    /** NSAIDs after a stomach ulcer or GI bleed risk a new ulcer or bleed. */
    private static Optional<SafetyIssue> nsaidWithGiUlcerOrBleedHistory(Prescription p, Drug drug, Plan plan) {
        if (!isSystemicNsaid(drug) || !plan.patientHas(Comorbidity.GI_ULCER_OR_BLEED)) {
            return Optional.empty();
        }
        return issue(p, NSAID_GI_ULCER_OR_BLEED_HISTORY, p.drug() + " is an NSAID and the patient has had a stomach "
                + "ulcer or gastrointestinal bleed: high risk of a new one; consider acetaminophen or a topical NSAID");
    }

    /** NSAIDs reduce blood flow to the kidneys and can worsen kidney disease. */
    private static Optional<SafetyIssue> nsaidWithKidneyDisease(Prescription p, Drug drug, Plan plan) {
        if (!isSystemicNsaid(drug) || !plan.patientHas(Comorbidity.KIDNEY_DISEASE)) {
            return Optional.empty();
        }
        return issue(p, NSAID_KIDNEY_DISEASE, p.drug() + " is an NSAID and the patient has kidney disease: "
                + "NSAIDs can worsen kidney function");
    }

    /** NSAIDs raise blood pressure and the risk of heart attack, stroke and heart failure. */
    private static Optional<SafetyIssue> nsaidWithCardiovascularDisease(Prescription p, Drug drug, Plan plan) {
        if (!isSystemicNsaid(drug) || !plan.patientHas(Comorbidity.CARDIOVASCULAR_DISEASE)) {
            return Optional.empty();
        }
        return issue(p, NSAID_CARDIOVASCULAR_DISEASE, p.drug() + " is an NSAID and the patient has cardiovascular "
                + "disease: NSAIDs raise the risk of heart attack, stroke and heart failure");
    }

    /** NSAIDs are generally avoided in pregnancy. */
    private static Optional<SafetyIssue> nsaidInPregnancy(Prescription p, Drug drug, Plan plan) {
        if (!isSystemicNsaid(drug) || !plan.patientHas(Comorbidity.PREGNANCY)) {
            return Optional.empty();
        }
        return issue(p, NSAID_IN_PREGNANCY, p.drug() + " is an NSAID and the patient is pregnant: NSAIDs are "
                + "generally avoided in pregnancy, especially from 20 weeks on");
    }

    /** Two drugs of one class add side effects rather than relief: each of them is flagged, naming the others. */
    private static Optional<SafetyIssue> duplicateClass(Prescription p, Drug drug, Plan plan) {
        List<Prescription> others = new ArrayList<>(plan.medications().stream()
                .filter(o -> Formulary.find(o.drug()).map(Drug::drugClass).orElse(null) == drug.drugClass())
                .toList());
        others.remove(p); // one occurrence: the prescription itself
        if (others.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = others.stream()
                .map(o -> o.drug().equals(p.drug()) ? "another " + p.drug() + " prescription" : o.drug())
                .distinct().toList();
        return issue(p, DUPLICATE_CLASS, p.drug() + " is prescribed together with " + join(names)
                + ", of the same class (" + drug.drugClass().label() + "): combining them adds side effects "
                + "rather than relief");
    }

    /** Any opioid: rarely indicated for chronic back pain. */
    private static Optional<SafetyIssue> opioid(Prescription p, Drug drug, Plan plan) {
        return isOpioid(drug) ? issue(p, OPIOID, OPIOID_MESSAGE) : Optional.empty();
    }

    /** Opioids after a substance use disorder risk relapse and dependence. */
    private static Optional<SafetyIssue> opioidWithSubstanceUseHistory(Prescription p, Drug drug, Plan plan) {
        if (!isOpioid(drug) || !plan.patientHas(Comorbidity.SUBSTANCE_USE_DISORDER)) {
            return Optional.empty();
        }
        return issue(p, OPIOID_SUBSTANCE_USE_HISTORY, p.drug() + " is an opioid and the patient has a history of "
                + "substance use disorder: high risk of relapse and dependence");
    }

    /** Acetaminophen is processed by the liver: with liver disease the safe daily maximum is lower. */
    private static Optional<SafetyIssue> acetaminophenWithLiverDisease(Prescription p, Drug drug, Plan plan) {
        if (drug.drugClass() != DrugClass.ACETAMINOPHEN || !plan.patientHas(Comorbidity.LIVER_DISEASE)) {
            return Optional.empty();
        }
        return issue(p, ACETAMINOPHEN_LIVER_DISEASE, p.drug() + " and liver disease: the liver processes "
                + "acetaminophen, so keep the daily dose well below the usual maximum and monitor liver function");
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isSystemicNsaid(Drug drug) {
        return drug.drugClass() == DrugClass.NSAID;
    }

    private static boolean isOpioid(Drug drug) {
        return drug.drugClass() == DrugClass.OPIOID;
    }

    private static Optional<SafetyIssue> issue(Prescription p, String code, String message) {
        return Optional.of(new SafetyIssue(p.drug(), code, message));
    }

    /** 4800.00 -> "4800", 0.5 -> "0.5". */
    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** [a] -> "a", [a, b] -> "a and b", [a, b, c] -> "a, b and c". */
    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
