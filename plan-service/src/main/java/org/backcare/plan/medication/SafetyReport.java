package org.backcare.plan.medication;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link MedicationSafety#check}: rejections make the medication list unacceptable whatever the
 * prescriber says; warnings are acceptable once the prescriber acknowledges each of them on the prescription.
 */
public record SafetyReport(List<SafetyIssue> rejections, List<SafetyIssue> warnings) {

    public SafetyReport {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * The warnings the prescriber has not acknowledged: those whose code is not in the acknowledgedWarnings of the
     * prescription of that drug. When a drug is prescribed more than once, every prescription of it must
     * acknowledge the code; a warning for a drug that is not in {@code prescriptions} is unacknowledged.
     */
    public List<SafetyIssue> unacknowledged(List<Prescription> prescriptions) {
        List<Prescription> plan = prescriptions == null ? List.of() : prescriptions;
        return warnings.stream().filter(warning -> !acknowledged(warning, plan)).toList();
    }

    /** True when nothing is rejected and every warning is acknowledged. */
    public boolean acceptable(List<Prescription> prescriptions) {
        return rejections.isEmpty() && unacknowledged(prescriptions).isEmpty();
    }

    private static boolean acknowledged(SafetyIssue warning, List<Prescription> plan) {
        List<Prescription> ofDrug = plan.stream()
                .filter(p -> p != null && Objects.equals(p.drug(), warning.drug())).toList();
        return warning.code() != null && !ofDrug.isEmpty()
                && ofDrug.stream().allMatch(p -> p.acknowledgedWarnings().contains(warning.code()));
    }
}
