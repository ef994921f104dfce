package org.backcare.patient.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** Administrative sex, as in FHIR's AdministrativeGender. */
public enum Sex implements Coded {
    FEMALE("female"),
    MALE("male"),
    OTHER("other"),
    UNKNOWN("unknown");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Sex fromCode(String code) {
        return Coded.fromCode(Sex.class, code);
    }
}
