package org.backcare.tracking.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.backcare.tracking.medication.SideEffect;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Bodies of the report endpoints and what they answer. */
public final class Reports {

    private Reports() {
    }

    /** A home exercise session: which exercise, how much, pain before and after. */
    @Schema(name = "ExerciseSessionRequest")
    public record ExerciseSessionRequest(
            @NotNull @Schema(required = true, example = "2026-11-23") LocalDate day,
            @NotBlank @Size(max = 60) @Schema(required = true, description = "Exercise code from the plan", example = "bird-dog") String exercise,
            @Min(0) @Max(20) Integer sets,
            @Min(0) @Max(200) Integer reps,
            @Min(0) @Max(480) Integer minutes,
            @Min(0) @Max(10) @Schema(example = "4") Integer painBefore,
            @Min(0) @Max(10) @Schema(example = "3") Integer painAfter,
            @Size(max = 1000) String note) {
    }

    /** One dose taken. */
    @Schema(name = "MedicationIntakeRequest")
    public record MedicationIntakeRequest(
            @NotNull @Schema(required = true, example = "2026-11-23T08:15:00Z") Instant takenAt,
            @NotBlank @Size(max = 40) @Schema(required = true, example = "naproxen") String drug,
            @NotNull @Positive @DecimalMax("100000") @Digits(integer = 6, fraction = 3, message = "at most three decimals")
            @Schema(required = true, example = "500") BigDecimal dose,
            @NotBlank @Size(max = 10) @Schema(required = true, example = "mg") String unit,
            @Size(max = 8) @Schema(example = "[\"nausea\"]") Set<@NotNull SideEffect> sideEffects) {
    }

    /** A flare-up: when it started, when it ended (if it did), what helped. */
    @Schema(name = "FlareUpRequest")
    public record FlareUpRequest(
            @NotNull @Schema(required = true, example = "2026-11-20") LocalDate startedOn,
            @Schema(example = "2026-11-22") LocalDate endedOn,
            @Size(max = 2000) @Schema(example = "Relative rest, heat, pelvic tilts") String whatHelped,
            @Size(max = 2000) String note) {
    }

    /** What a report endpoint answers: the id of the new item and the alerts it raised. */
    @Schema(name = "Recorded")
    public record Recorded(UUID id, @Schema(description = "Alerts this report raised for the care team") List<String> alertsRaised) {
    }
}
