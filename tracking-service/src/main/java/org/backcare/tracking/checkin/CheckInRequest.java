package org.backcare.tracking.checkin;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Set;

/** A daily check-in as the patient app sends it; the day is in the path. */
@Schema(name = "CheckInRequest")
public record CheckInRequest(
        @NotNull @Min(0) @Max(10) @Schema(required = true, description = "Pain now, 0 (none) to 10 (worst imaginable)", example = "5")
        Integer pain,
        @Size(max = 9) @Schema(example = "[\"lower-back\", \"leg-left\"]") Set<@NotNull PainLocation> locations,
        @Size(max = 6) @Schema(example = "[\"aching\"]") Set<@NotNull PainCharacter> painCharacter,
        @Schema(description = "Pain, tingling or numbness in a leg", example = "false") Boolean legSymptoms,
        @Min(0) @Max(10) @Schema(description = "What you could do today, 0 (nothing) to 10 (everything)", example = "6")
        Integer functionScore,
        @DecimalMin("0") @DecimalMax("24") @Digits(integer = 2, fraction = 1, message = "hours with at most one decimal, e.g. 6.5")
        @Schema(example = "6.5") BigDecimal sleepHours,
        @Min(0) @Max(10) @Schema(description = "0 (very poor) to 10 (excellent)", example = "4") Integer sleepQuality,
        @Min(0) @Max(10) @Schema(description = "0 (very low) to 10 (very good)", example = "6") Integer mood,
        @Min(0) @Max(10) @Schema(description = "0 (none) to 10 (extreme)", example = "5") Integer stress,
        @Size(max = 14) @Schema(description = "What made it worse", example = "[\"sitting\", \"bending\"]") Set<@NotNull Factor> triggers,
        @Size(max = 14) @Schema(description = "What made it better", example = "[\"walking\", \"heat\"]") Set<@NotNull Factor> relievers,
        @Size(max = 2000) String note,
        @Size(max = 4) @Schema(description = "Warning signs: these raise an urgent alert to the team", example = "[]")
        Set<@NotNull RedFlagSymptom> redFlags) {
}
