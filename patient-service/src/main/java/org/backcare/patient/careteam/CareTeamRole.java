package org.backcare.patient.careteam;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** The discipline a care-team member brings. */
public enum CareTeamRole implements Coded {
    PHYSICIAN("physician"),
    PHYSICAL_THERAPIST("physical-therapist"),
    PSYCHOLOGIST("psychologist");

    private final String code;

    CareTeamRole(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static CareTeamRole fromCode(String code) {
        return Coded.fromCode(CareTeamRole.class, code);
    }
}
