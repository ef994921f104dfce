package org.backcare.plan.note;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A clinical note as its readers see it: the latest text, and how many versions it has. */
@Schema(name = "ClinicalNote")
public record NoteView(UUID id, UUID patientId, NoteKind kind,
                       @Schema(description = "The author's login subject") String authorSubject,
                       @Schema(description = "The author's role on the care team", example = "physical-therapist") String authorDiscipline,
                       String text,
                       @Schema(description = "1 as written, one more per amendment; the ETag", example = "1") int version,
                       @Schema(description = "The subjects mentioned in the text") List<String> mentions,
                       Instant createdAt, Instant updatedAt) {

    /** One version of a note in its history. */
    @Schema(name = "ClinicalNoteVersion")
    public record Version(int version, String text, List<String> mentions, String writtenBy, Instant writtenAt) {
    }
}
