package org.backcare.plan.medication;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One medication of a treatment plan, as the physician wrote it. The annotations check the request's shape (a
 * 400 names the field); whether it is safe for this patient is {@link MedicationSafety}'s judgement.
 *
 * @param id                   identity within the plan
 * @param drug                 formulary code ({@link Formulary})
 * @param dose                 amount per dose, in {@code unit}
 * @param unit                 must be the formulary unit of the drug
 * @param timesPerDay          regular schedule: doses per day
 * @param asNeeded             taken only when needed (high-pain days), up to {@code maxDosesPerDay}
 * @param maxDosesPerDay       cap on as-needed doses per day
 * @param startDate            first day
 * @param endDate              last day (inclusive); {@code null} means open-ended
 * @param reviewDate           when the prescriber reviews it; required for opioids
 * @param justification        why this drug; required for opioids
 * @param acknowledgedWarnings codes of {@link SafetyIssue warnings} the prescriber has read and accepts for this
 *                             prescription; never {@code null} (a missing set becomes empty)
 * @param instructions         free text for the patient
 */
@Schema(name = "Prescription")
public record Prescription(
        @Schema(description = "Assigned by the service; send it back to change a prescription, leave it out for a new one")
        UUID id,
        @NotBlank @Size(max = 40) @Schema(required = true, description = "Formulary code (GET /formulary)", example = "naproxen")
        String drug,
        @NotNull @Positive @Digits(integer = 6, fraction = 3) @Schema(required = true, example = "500") BigDecimal dose,
        @NotBlank @Size(max = 10) @Schema(required = true, example = "mg") String unit,
        @Min(1) @Max(24) @Schema(example = "2") Integer timesPerDay,
        @Schema(description = "Only when needed, up to maxDosesPerDay") boolean asNeeded,
        @Min(1) @Max(24) Integer maxDosesPerDay,
        @NotNull @Schema(required = true, example = "2026-12-01") LocalDate startDate,
        @Schema(example = "2026-12-10") LocalDate endDate,
        @Schema(description = "Required for opioids, within 90 days of the start") LocalDate reviewDate,
        @Size(max = 1000) @Schema(description = "Why this drug; required for opioids") String justification,
        @Schema(description = "Warning codes the physician has read and accepts for this prescription",
                example = "[\"nsaid-kidney-disease\"]") Set<@Size(max = 60) String> acknowledgedWarnings,
        @Size(max = 500) @Schema(example = "Take with food") String instructions) {

    public Prescription {
        acknowledgedWarnings = acknowledgedWarnings == null
                ? Set.of()
                : Collections.unmodifiableSet(acknowledgedWarnings.stream().filter(Objects::nonNull)
                        .collect(LinkedHashSet::new, Set::add, Set::addAll));
    }

    /**
     * The most the patient takes in a day, in {@code unit}: dose x timesPerDay, or dose x maxDosesPerDay when as
     * needed. An as-needed prescription without a cap but with timesPerDay counts timesPerDay doses, so that its
     * daily dose can still be checked. {@code null} when it cannot be computed (no dose, or no count of doses).
     */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    @Schema(readOnly = true, description = "The most taken in a day, in unit")
    public BigDecimal dailyDose() {
        if (dose == null) {
            return null;
        }
        Integer doses = asNeeded && maxDosesPerDay != null ? maxDosesPerDay : timesPerDay;
        return doses == null ? null : dose.multiply(BigDecimal.valueOf(doses));
    }

    /** The drug's class from the formulary, shown with the prescription; null for an unknown drug. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    @Schema(readOnly = true, example = "nsaid")
    public DrugClass drugClass() {
        return Formulary.find(drug).map(Drug::drugClass).orElse(null);
    }

    /** The formulary's maximum daily dose, in the drug's unit. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    @Schema(readOnly = true, example = "1500")
    public BigDecimal maxDailyDose() {
        return Formulary.find(drug).map(Drug::maxDailyDose).orElse(null);
    }
}
