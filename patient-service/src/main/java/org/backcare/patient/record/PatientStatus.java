package org.backcare.patient.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** Where the patient is in their episode of care. */
public enum PatientStatus implements Coded {
    ACTIVE("active"),
    DISCHARGED("discharged");

    private final String code;

    PatientStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PatientStatus fromCode(String code) {
        return Coded.fromCode(PatientStatus.class, code);
    }
}
