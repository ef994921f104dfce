package org.backcare.plan.exercise;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One exercise of the catalogue, with the instructions the patient sees. */
@Schema(name = "Exercise")
public record Exercise(@Schema(example = "bird-dog") String code,
                       @Schema(example = "Bird-dog") String name,
                       ExerciseCategory category,
                       String instructions) {
}
