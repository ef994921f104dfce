package org.backcare.plan.section;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.Coded;

/** A clinical discipline of the care team; the codes are the care-team roles. Owns entries of a section. */
public enum Discipline implements Coded {
    PHYSICIAN(Role.PHYSICIAN),
    PHYSICAL_THERAPIST(Role.PHYSICAL_THERAPIST),
    PSYCHOLOGIST(Role.PSYCHOLOGIST);

    private final String code;

    Discipline(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The OIDC role of the discipline's members. */
    public String role() {
        return code;
    }

    @JsonCreator
    public static Discipline fromCode(String code) {
        return Coded.fromCode(Discipline.class, code);
    }
}
