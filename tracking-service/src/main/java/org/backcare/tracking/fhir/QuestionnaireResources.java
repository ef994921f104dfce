package org.backcare.tracking.fhir;

import org.backcare.tracking.questionnaire.Questionnaire;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Any completed questionnaire as FHIR, whichever it is: the ODI ({@link OdiResources}) or an instrument
 * ({@link InstrumentResources}). The score Observation's id is {@code <uuid>-<kind>} for both.
 */
public final class QuestionnaireResources {

    private QuestionnaireResources() {
    }

    public static String observationId(Questionnaire q) {
        return q.id + "-" + q.kind;
    }

    public static QuestionnaireResponse response(Questionnaire q) {
        return Questionnaire.ODI.equals(q.kind) ? OdiResources.response(q) : InstrumentResources.response(q);
    }

    public static Observation score(Questionnaire q) {
        return Questionnaire.ODI.equals(q.kind) ? OdiResources.score(q) : InstrumentResources.score(q);
    }
}
