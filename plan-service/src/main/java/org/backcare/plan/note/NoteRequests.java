package org.backcare.plan.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the note endpoints. */
public final class NoteRequests {

    static final int MAX_TEXT = 10_000;

    private NoteRequests() {
    }

    @Schema(name = "NewNote")
    public record NewNote(
            @NotNull @Schema(required = true, description = "progress-note, handover or psychotherapy-note (psychologists only)")
            NoteKind kind,
            @NotBlank @Size(max = MAX_TEXT) @Schema(required = true, maxLength = MAX_TEXT,
                    description = "1 to 10000 characters; mention team members as @[name](subject)")
            String text) {
    }

    /** An amendment: the whole new text; the kind and author never change. */
    @Schema(name = "NoteAmendment")
    public record Amendment(
            @NotBlank @Size(max = MAX_TEXT) @Schema(required = true, maxLength = MAX_TEXT) String text) {
    }
}
