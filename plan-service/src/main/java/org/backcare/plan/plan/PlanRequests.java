package org.backcare.plan.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.backcare.plan.template.Template;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Request bodies of the plan endpoints. */
public final class PlanRequests {

    private PlanRequests() {
    }

    /** Creates a draft plan, optionally pre-filled from a pain-type template. */
    @Schema(name = "NewPlan")
    public record NewPlan(
            @NotBlank @Size(max = 200) @Schema(required = true, example = "Back to gardening by spring") String title,
            @Schema(description = "mechanical, inflammatory, radicular, complex or none; default: the patient's classified pain type",
                    example = "mechanical") Template template,
            @Schema(description = "Planned start; set on activation when empty", example = "2026-12-01") LocalDate startDate,
            @Min(1) @Max(26) @Schema(description = "Weeks between reviews; default 4", example = "4") Integer reviewIntervalWeeks) {
    }

    /** The plan's own fields; sections are changed through their own endpoints. */
    @Schema(name = "PlanUpdate")
    public record PlanUpdate(
            @NotBlank @Size(max = 200) @Schema(required = true) String title,
            LocalDate startDate,
            @NotNull @Schema(required = true, example = "2027-01-05") LocalDate reviewDate,
            @NotNull @Min(1) @Max(26) @Schema(required = true, example = "4") Integer reviewIntervalWeeks) {
    }

    /** Moves a plan through its lifecycle. */
    @Schema(name = "StatusChange")
    public record StatusChange(
            @NotNull @Schema(required = true, example = "active") PlanStatus status,
            @Size(max = 1000) @Schema(example = "Patient agreed to the plan at today's visit") String reason) {
    }
}
