package org.backcare.plan.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** A plan template: one per pain type, or none (empty sections). */
public enum Template implements Coded {
    MECHANICAL("mechanical"),
    INFLAMMATORY("inflammatory"),
    RADICULAR("radicular"),
    COMPLEX("complex"),
    NONE("none");

    private final String code;

    Template(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Template fromCode(String code) {
        return Coded.fromCode(Template.class, code);
    }
}
