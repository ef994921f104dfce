package org.backcare.patient.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** The clinician's working classification of the back pain; it steers which treatment leads (seeds: pain types). */
public enum PainType implements Coded {
    MECHANICAL("mechanical"),
    INFLAMMATORY("inflammatory"),
    RADICULAR("radicular"),
    COMPLEX("complex");

    private final String code;

    PainType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PainType fromCode(String code) {
        return Coded.fromCode(PainType.class, code);
    }
}
