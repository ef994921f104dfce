package org.backcare.plan.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One revision: who changed what and when; {@code plan} (the whole plan afterwards) only when one is read. */
@Schema(name = "PlanRevision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionView(@Schema(example = "4") int revision,
                           @Schema(example = "exercises") String changed,
                           @Schema(example = "exercises section revised") String summary,
                           String changedBy,
                           Instant changedAt,
                           @Schema(ref = "Plan", description = "The whole plan after this revision; only when one revision is read")
                           JsonNode plan) {
}
