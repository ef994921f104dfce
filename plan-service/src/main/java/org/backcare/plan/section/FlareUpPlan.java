package org.backcare.plan.section;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What to do when pain flares, in order (seeds: relative rest, heat or ice, the staple exercises, when to call whom). */
@Schema(name = "FlareUpSection")
public record FlareUpPlan(@NotNull @Size(max = 20) List<@Valid @NotNull Step> steps) implements SectionContent {

    /** One step; the list order is the order to follow. */
    @Schema(name = "FlareUpStep")
    public record Step(@NotNull @Schema(example = "relative-rest") FlareUpAction action,
                       @NotBlank @Size(max = 500) @Schema(example = "Reduce load for 1-2 days but keep moving gently") String instruction,
                       @Size(max = 200) @Schema(example = "Physical therapist, +46 8 123 456") String contact) {
    }
}
