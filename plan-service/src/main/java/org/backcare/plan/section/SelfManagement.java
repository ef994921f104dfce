package org.backcare.plan.section;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalTime;
import java.util.List;

/**
 * Self-management and psychology: time-based pacing (seeds: "walking 12 minutes every other day"), a sleep routine,
 * stress and breathing practice, CBT sessions and pain education modules.
 */
@Schema(name = "SelfManagementSection")
public record SelfManagement(@NotNull @Size(max = 20) List<@Valid @NotNull PacingGoal> pacing,
                             @Valid SleepRoutine sleep,
                             @NotNull @Size(max = 20) List<@Valid @NotNull Practice> stressPractices,
                             @Valid CbtSessions cbt,
                             @NotNull @Size(max = 30) List<@Valid @NotNull EducationModule> education)
        implements SectionContent {

    /** A time-based activity goal: how long, how often. */
    @Schema(name = "PacingGoal")
    public record PacingGoal(@NotBlank @Size(max = 200) @Schema(example = "Walk") String activity,
                             @NotNull @Min(1) @Max(480) @Schema(example = "12") Integer minutes,
                             @NotNull @Schema(example = "every-other-day") Frequency frequency,
                             @Size(max = 500) @Schema(example = "Add 2 minutes a week if pain settles within an hour") String progression) {
    }

    /** A regular bedtime and wake time, and what helps. */
    @Schema(name = "SleepRoutine")
    public record SleepRoutine(@Schema(example = "22:30") LocalTime bedtime, @Schema(example = "06:30") LocalTime wakeTime,
                               @Size(max = 1000) @Schema(example = "No screens for the last 30 minutes; heat pack before bed") String notes) {
    }

    /** A stress or breathing practice. */
    @Schema(name = "Practice")
    public record Practice(@NotBlank @Size(max = 200) @Schema(example = "Diaphragmatic breathing") String practice,
                           @NotNull @Min(1) @Max(120) @Schema(example = "10") Integer minutes,
                           @NotNull @Schema(example = "daily") Frequency frequency) {
    }

    /** Cognitive behavioural therapy: how many sessions, how often. */
    @Schema(name = "CbtSessions")
    public record CbtSessions(@NotNull @Min(1) @Max(52) @Schema(example = "8") Integer sessions,
                              @NotNull @Min(1) @Max(8) @Schema(example = "1") Integer everyWeeks,
                              @Size(max = 1000) String focus) {
    }

    /** A pain education module and whether it is done. */
    @Schema(name = "EducationModule")
    public record EducationModule(@NotBlank @Size(max = 200) @Schema(example = "Why pain persists: the sensitised nervous system") String module,
                                  boolean completed) {
    }
}
