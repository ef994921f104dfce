package org.backcare.tracking.fhir;

import org.backcare.tracking.questionnaire.Questionnaire;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

import java.util.Date;
import java.util.List;

/**
 * A completed Oswestry Disability Index as a QuestionnaireResponse (the ten section answers, id = the questionnaire's
 * id) and its score as an Observation (LOINC 97909-6, id = {@code <uuid>-odi}) derived from it. A questionnaire is
 * never changed once recorded: version 1, last updated when it was recorded.
 */
public final class OdiResources {

    public static final String QUESTIONNAIRE = "https://backcare.example/fhir/Questionnaire/odi";
    public static final String ODI_SUFFIX = "odi";
    /** https://loinc.org/97909-6: Oswestry disability index score ODI. */
    static final String SCORE_CODE = "97909-6";
    static final List<String> SECTIONS = List.of("Pain intensity", "Personal care", "Lifting", "Walking", "Sitting",
            "Standing", "Sleeping", "Sex life", "Social life", "Travelling");

    private OdiResources() {
    }

    public static String observationId(Questionnaire q) {
        return q.id + "-" + ODI_SUFFIX;
    }

    public static QuestionnaireResponse response(Questionnaire q) {
        QuestionnaireResponse r = Resources.identify(new QuestionnaireResponse(), q.id.toString(), 1, q.recordedAt);
        r.setQuestionnaire(QUESTIONNAIRE);
        r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        r.setSubject(Resources.patient(q.patientId));
        r.setAuthoredElement(Resources.day(q.day));
        for (int i = 0; i < SECTIONS.size(); i++) {
            QuestionnaireResponse.QuestionnaireResponseItemComponent item = r.addItem()
                    .setLinkId(Integer.toString(i + 1)).setText(SECTIONS.get(i));
            Integer answer = q.answers != null && i < q.answers.size() ? q.answers.get(i) : null;
            if (answer != null) {
                item.addAnswer().setValue(new IntegerType(answer));
            }
        }
        return r;
    }

    public static Observation score(Questionnaire q) {
        Observation o = Resources.identify(new Observation(), observationId(q), 1, q.recordedAt);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(CheckInObservations.survey());
        o.setCode(new CodeableConcept(new Coding(FhirCodes.LOINC, SCORE_CODE, "Oswestry disability index score ODI"))
                .setText("Oswestry Disability Index score"));
        o.setSubject(Resources.patient(q.patientId));
        o.setEffective(Resources.day(q.day));
        o.setIssued(Date.from(q.recordedAt));
        o.setValue(new Quantity().setValue(q.score).setUnit("{score}").setSystem(FhirCodes.UCUM).setCode("{score}"));
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + q.id));
        if (q.baseline) {
            o.addNote().setText("Baseline ODI");
        }
        return o;
    }
}
