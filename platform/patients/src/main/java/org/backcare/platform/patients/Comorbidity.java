package org.backcare.platform.patients;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/**
 * Conditions that change which medications are safe (NSAIDs, opioids, acetaminophen...). The codes are the ones
 * patient-service publishes in its events, so a projected patient maps one to one.
 */
public enum Comorbidity implements Coded {
    GI_ULCER_OR_BLEED("gi-ulcer-or-bleed"),
    KIDNEY_DISEASE("kidney-disease"),
    CARDIOVASCULAR_DISEASE("cardiovascular-disease"),
    PREGNANCY("pregnancy"),
    LIVER_DISEASE("liver-disease"),
    SUBSTANCE_USE_DISORDER("substance-use-disorder");

    private final String code;

    Comorbidity(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Comorbidity fromCode(String code) {
        return Coded.fromCode(Comorbidity.class, code);
    }
}
