package org.backcare.plan.plan;

import org.backcare.plan.assessment.RiskStratum;
import org.backcare.plan.section.SectionView;
import org.backcare.plan.template.StratifiedCare;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A plan with all its sections. {@code version} is the ETag of the plan's own fields; sections carry their own. */
@Schema(name = "Plan")
public record PlanView(UUID id,
                       UUID patientId,
                       @Schema(example = "3") long version,
                       @Schema(example = "active") PlanStatus status,
                       @Schema(description = "Statuses this plan may move to next") Set<PlanStatus> nextStatuses,
                       @Schema(example = "Back on track: spring 2027") String title,
                       @Schema(example = "mechanical") String template,
                       String ownerSubject,
                       LocalDate startDate,
                       LocalDate reviewDate,
                       @Schema(example = "4") int reviewIntervalWeeks,
                       @Schema(description = "The review date has passed on an open plan") boolean reviewOverdue,
                       @Schema(description = "How many changes the plan has had", example = "7") int revision,
                       Instant createdAt,
                       Instant updatedAt,
                       @Schema(description = "The patient's latest STarT Back stratum; null until they have one")
                       RiskStratum riskStratum,
                       @Schema(description = "What the template gained at creation because the stratum was high; null otherwise")
                       StratifiedCare stratifiedCare,
                       @Schema(description = "Sections by kind: goals, exercises, medications, self-management, flare-up, assessments")
                       Map<String, SectionView> sections) {
}
