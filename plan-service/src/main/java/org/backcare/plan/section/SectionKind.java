package org.backcare.plan.section;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** The parts of a plan; each is owned by a discipline (SectionOwnership) and versioned on its own. */
public enum SectionKind implements Coded {
    GOALS("goals"),
    EXERCISES("exercises"),
    MEDICATIONS("medications"),
    SELF_MANAGEMENT("self-management"),
    FLARE_UP("flare-up"),
    ASSESSMENTS("assessments");

    private final String code;

    SectionKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static SectionKind fromCode(String code) {
        return Coded.fromCode(SectionKind.class, code);
    }
}
