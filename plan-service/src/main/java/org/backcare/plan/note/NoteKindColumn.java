package org.backcare.plan.note;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the kind by its code (progress-note, handover, psychotherapy-note), as the API and events name it. */
@Converter
public class NoteKindColumn implements AttributeConverter<NoteKind, String> {

    @Override
    public String convertToDatabaseColumn(NoteKind kind) {
        return kind == null ? null : kind.code();
    }

    @Override
    public NoteKind convertToEntityAttribute(String code) {
        return code == null ? null : NoteKind.fromCode(code);
    }
}
