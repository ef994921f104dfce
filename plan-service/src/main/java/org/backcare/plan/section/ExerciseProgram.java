package org.backcare.plan.section;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The physical therapist's home programme: exercises from the catalogue with a dose, how to progress and when to
 * stop. The seeds' 15-minute daily routine is a set of exercises with 7 sessions a week whose minutes add up to 15.
 */
@Schema(name = "ExerciseSection")
public record ExerciseProgram(@NotNull @Size(max = 30) List<@Valid @NotNull PrescribedExercise> exercises,
                              @Size(max = 2000) String notes) implements SectionContent {

    /** One catalogue exercise with its dose and rules. */
    @Schema(name = "PrescribedExercise")
    public record PrescribedExercise(
            @NotBlank @Schema(description = "Code from GET /exercise-catalogue", example = "bird-dog") String exercise,
            @NotNull @Valid Dose dose,
            @Size(max = 500) @Schema(example = "Add 2 reps a week while pain stays at or below 3/10") String progressionRule,
            @Valid PainMonitoring painMonitoring,
            @Size(max = 500) String notes) {
    }

    /** How much: sets and reps, a hold time, or minutes; and how many sessions a week. */
    @Schema(name = "ExerciseDose")
    @MeasurableDose
    public record Dose(@Min(1) @Max(20) @Schema(example = "2") Integer sets,
                       @Min(1) @Max(100) @Schema(example = "10") Integer reps,
                       @Min(1) @Max(600) @Schema(example = "5") Integer holdSeconds,
                       @Min(1) @Max(240) @Schema(example = "5") Integer minutes,
                       @NotNull @Min(1) @Max(14) @Schema(example = "7") Integer sessionsPerWeek) {

        /** A dose the patient can follow: sets and reps, a hold time, or minutes. */
        public boolean measurable() {
            return (sets != null && reps != null) || holdSeconds != null || minutes != null;
        }
    }

    /** When the patient should stop, e.g. if pain rises more than 2 points during the exercise. */
    @Schema(name = "PainMonitoring")
    public record PainMonitoring(@Min(1) @Max(10) @Schema(example = "2") Integer stopIfPainRisesBy,
                                 @Min(0) @Max(10) @Schema(example = "6") Integer stopAbovePain) {
    }
}
