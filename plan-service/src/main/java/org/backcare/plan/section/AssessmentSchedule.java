package org.backcare.plan.section;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.backcare.plan.assessment.Instrument;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Which questionnaires the patient fills in, when, and which discipline follows each up (issue 17: STarT Back at
 * intake and week 12, PHQ-9 and GAD-7 every 4 weeks, the ODI monthly). Weeks count from the plan's start date, week
 * 0 being the intake; due and overdue ones are worked out by AssessmentsDue.
 */
@Schema(name = "AssessmentsSection")
public record AssessmentSchedule(@NotNull @Size(max = 20) List<@Valid @NotNull ScheduledAssessment> assessments)
        implements SectionContent {

    /** One instrument on a schedule: at given weeks, every n weeks from the intake, or both. */
    @Schema(name = "ScheduledAssessment")
    public record ScheduledAssessment(
            @NotNull @Schema(required = true, example = "phq-9",
                    description = "Instrument id as tracking-service scores it") Instrument instrument,
            @NotNull @Schema(required = true, example = "psychologist",
                    description = "The discipline that follows it up and is told when it is overdue") Discipline discipline,
            @Size(max = 20) @Schema(description = "Weeks after the start when it is due; 0 is the intake", example = "[0, 12]")
            List<@NotNull @Min(0) @Max(104) Integer> atWeeks,
            @Min(1) @Max(52) @Schema(description = "Due every n weeks from the intake (week 0 included)", example = "4")
            Integer everyWeeks) {

        @AssertTrue(message = "give atWeeks, everyWeeks or both")
        @Schema(hidden = true)
        public boolean isScheduled() {
            return everyWeeks != null || (atWeeks != null && !atWeeks.isEmpty());
        }
    }
}
