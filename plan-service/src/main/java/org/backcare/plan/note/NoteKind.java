package org.backcare.plan.note;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** What a clinical note is: who may write and read it follows from this (see {@link NoteRules}). */
public enum NoteKind implements Coded {
    PROGRESS_NOTE("progress-note"),
    HANDOVER("handover"),
    /** Psychotherapy notes: written and read by psychologists only (and always by their author). */
    PSYCHOTHERAPY_NOTE("psychotherapy-note");

    private final String code;

    NoteKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static NoteKind fromCode(String code) {
        return Coded.fromCode(NoteKind.class, code);
    }
}
