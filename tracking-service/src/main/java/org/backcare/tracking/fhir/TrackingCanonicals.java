package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.Canonicals;
import org.backcare.tracking.questionnaire.Instruments;
import org.backcare.tracking.questionnaire.Odi;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Questionnaire;

import java.util.ArrayList;
import java.util.List;

/**
 * What tracking-service's resources refer to by canonical URL, served under /fhir so those URLs resolve: the
 * CodeSystem of its local codes (the check-in measures and the instrument scores and bands LOINC has none for), the
 * Oswestry Disability Index Questionnaire and one Questionnaire per instrument definition version, which its
 * QuestionnaireResponses answer. Made from the code that writes those resources ({@link CheckInObservations.Measure},
 * {@link OdiResources}, {@link Odi}, {@link InstrumentResources}, {@link Instruments}), so they cannot drift apart.
 */
public final class TrackingCanonicals {

    private TrackingCanonicals() {
    }

    /** Every one, as the FHIR API serves them. */
    public static Canonicals all() {
        List<MetadataResource> all = new ArrayList<>(List.of(trackingCodes(), odi()));
        Instruments.all().forEach(instrument -> all.add(InstrumentResources.questionnaire(instrument)));
        return Canonicals.of(all.toArray(MetadataResource[]::new));
    }

    public static CodeSystem trackingCodes() {
        CodeSystem cs = new CodeSystem();
        cs.setId(lastSegment(FhirCodes.TRACKING_CODES));
        cs.setUrl(FhirCodes.TRACKING_CODES);
        cs.setName("BackCareTracking");
        cs.setTitle("BackCare tracking measures");
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setExperimental(false);
        cs.setPublisher("BackCare");
        cs.setDescription("What LOINC has no fitting code for: what a BackCare patient reports in a daily check-in "
                + "(scores from 0 to 10), and the totals, subscales and bands of the scored instruments.");
        cs.setCaseSensitive(true);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        for (CheckInObservations.Measure measure : CheckInObservations.Measure.values()) {
            if (FhirCodes.TRACKING_CODES.equals(measure.system)) {
                cs.addConcept().setCode(measure.code).setDisplay(measure.display)
                        .setDefinition(measure.display + ", as the patient rated it in the day's check-in");
            }
        }
        InstrumentResources.localConcepts().forEach(cs::addConcept);
        return cs.setCount(cs.getConcept().size());
    }

    /** The ODI 2.1a: ten sections in order (linkId 1 to 10), each answered 0 (no disability) to 5. */
    public static Questionnaire odi() {
        Questionnaire q = new Questionnaire();
        q.setId(lastSegment(OdiResources.QUESTIONNAIRE));
        q.setUrl(OdiResources.QUESTIONNAIRE);
        q.setName("OswestryDisabilityIndex");
        q.setTitle("Oswestry Disability Index (ODI 2.1a)");
        q.setStatus(PublicationStatus.ACTIVE);
        q.setExperimental(false);
        q.setPublisher("BackCare");
        q.addSubjectType("Patient");
        q.setDescription("How much low back pain limits daily life: " + Odi.SECTIONS + " sections, each answered 0 "
                + "(no limitation) to " + Odi.MAX_PER_SECTION + " (the most). Score = sum / (" + Odi.MAX_PER_SECTION
                + " x answered sections) x 100; at least " + Odi.MIN_ANSWERED + " of " + Odi.SECTIONS
                + " sections must be answered. A change of " + Odi.CLINICALLY_IMPORTANT_CHANGE
                + " points is clinically important. The score is an Observation (LOINC 97909-6).");
        for (int i = 0; i < OdiResources.SECTIONS.size(); i++) {
            Questionnaire.QuestionnaireItemComponent item = q.addItem().setLinkId(Integer.toString(i + 1))
                    .setText(OdiResources.SECTIONS.get(i)).setType(Questionnaire.QuestionnaireItemType.INTEGER)
                    .setRequired(false);
            for (int answer = 0; answer <= Odi.MAX_PER_SECTION; answer++) {
                item.addAnswerOption().setValue(new IntegerType(answer));
            }
        }
        return q;
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
