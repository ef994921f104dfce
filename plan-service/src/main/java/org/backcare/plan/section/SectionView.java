package org.backcare.plan.section;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One section as the API shows it; {@code version} is its ETag for If-Match. */
@Schema(name = "PlanSection")
public record SectionView(SectionKind kind,
                          @Schema(example = "2") long version,
                          @Schema(description = "Who may change this section", example = "the physical therapist or a physician")
                          String editableBy,
                          String updatedBy,
                          Instant updatedAt,
                          @Schema(description = "The section content; its shape depends on kind", type = SchemaType.OBJECT) JsonNode content) {
}
