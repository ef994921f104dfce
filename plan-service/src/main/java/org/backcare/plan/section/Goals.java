package org.backcare.plan.section;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** SMART goals: what, how it is measured, the target, by when, and how it is going. */
@Schema(name = "GoalsSection")
public record Goals(@NotNull @Size(max = 20) List<@Valid @NotNull Goal> goals) implements SectionContent {

    /** One SMART goal, e.g. "walk 30 minutes without pain above 4/10" by a due date. */
    @Schema(name = "Goal")
    public record Goal(
            @NotBlank @Size(max = 300) @Schema(example = "Walk 30 minutes") String what,
            @NotBlank @Size(max = 300) @Schema(example = "Minutes walked without pain above 4/10") String measure,
            @NotBlank @Size(max = 100) @Schema(example = "30 minutes, pain at most 4/10") String target,
            @NotNull @Schema(example = "2027-01-31") LocalDate dueDate,
            @NotNull @Schema(example = "open") GoalStatus status,
            @Schema(description = "The discipline that leads on the goal, when one does", example = "psychologist")
            Discipline discipline) {

        /** A goal no single discipline leads on. */
        public Goal(String what, String measure, String target, LocalDate dueDate, GoalStatus status) {
            this(what, measure, target, dueDate, status, null);
        }
    }
}
