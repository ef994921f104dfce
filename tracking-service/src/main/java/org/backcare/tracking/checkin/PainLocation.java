package org.backcare.tracking.checkin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** Where it hurts. */
public enum PainLocation implements Coded {
    LOWER_BACK("lower-back"),
    UPPER_BACK("upper-back"),
    NECK("neck"),
    BUTTOCK_LEFT("buttock-left"),
    BUTTOCK_RIGHT("buttock-right"),
    LEG_LEFT("leg-left"),
    LEG_RIGHT("leg-right"),
    HIP_LEFT("hip-left"),
    HIP_RIGHT("hip-right");

    private final String code;

    PainLocation(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PainLocation fromCode(String code) {
        return Coded.fromCode(PainLocation.class, code);
    }
}
