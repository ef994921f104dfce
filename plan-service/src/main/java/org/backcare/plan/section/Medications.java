package org.backcare.plan.section;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.backcare.plan.medication.Prescription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The physician's medication list; saved only when MedicationSafety finds nothing rejected or unacknowledged. */
@Schema(name = "MedicationSection")
public record Medications(@NotNull @Size(max = 20) List<@Valid @NotNull Prescription> medications,
                          @Size(max = 2000) String notes) implements SectionContent {
}
