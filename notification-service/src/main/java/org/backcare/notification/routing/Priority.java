package org.backcare.notification.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** How soon a notification needs attention. Only urgent ones for clinicians are chased until acknowledged. */
public enum Priority implements Coded {
    URGENT("urgent"), HIGH("high"), NORMAL("normal"), LOW("low");

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Priority fromCode(String code) {
        return Coded.fromCode(Priority.class, code);
    }
}
