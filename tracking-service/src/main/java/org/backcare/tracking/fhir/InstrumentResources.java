package org.backcare.tracking.fhir;

import org.backcare.tracking.questionnaire.Instrument;
import org.backcare.tracking.questionnaire.InstrumentScore;
import org.backcare.tracking.questionnaire.Instruments;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scored instruments ({@link Instruments}) in FHIR R4: each definition version as a Questionnaire, each result as
 * a QuestionnaireResponse (id = the result's id) answering {@code url|version}, its score as a survey Observation
 * (id = {@code <uuid>-<instrument>}) with the subscales and the band as components, and a STarT Back result also as
 * a RiskAssessment (id = the result's id). A result is never changed once recorded: version 1, last updated when it
 * was recorded. It is read again with the definition version it was scored with.
 * <p>
 * Codes: LOINC where LOINC has one, else BackCare's own in the tracking CodeSystem ({@link #localConcepts}, served
 * by {@link TrackingCanonicals}). Copyrighted instruments get no item texts, only "Item n" and the answers allowed.
 */
public final class InstrumentResources {

    public static final String QUESTIONNAIRE_BASE = "https://backcare.example/fhir/Questionnaire/";
    public static final String RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";

    /** LOINC panels, for Questionnaire.code and the RiskAssessment method. */
    private static final Map<String, Coding> PANELS = Map.of(
            // https://loinc.org/44249-1: PHQ-9 quick depression assessment panel [Reported.PHQ]
            Instruments.PHQ_9, loinc("44249-1", "PHQ-9 quick depression assessment panel [Reported.PHQ]"),
            // https://loinc.org/69737-5: Generalized anxiety disorder 7 item (GAD-7)
            Instruments.GAD_7, loinc("69737-5", "Generalized anxiety disorder 7 item (GAD-7)"),
            // https://loinc.org/91349-1: STarT Back Screening Tool panel
            Instruments.START_BACK, loinc("91349-1", "STarT Back Screening Tool panel"));

    /**
     * LOINC codes of totals. For the PCS, TSK-11 and PSEQ no LOINC code could be confirmed: their totals have
     * BackCare's own codes until one is.
     */
    private static final Map<String, Coding> TOTALS = Map.of(
            // https://loinc.org/44261-6: Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]
            Instruments.PHQ_9, loinc("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
            // https://loinc.org/70274-6: Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]
            Instruments.GAD_7, loinc("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"),
            // https://loinc.org/91351-7: Total score [STarT Back]
            Instruments.START_BACK, loinc("91351-7", "Total score [STarT Back]"));

    /** LOINC codes of subscales, by instrument and subscale code. */
    private static final Map<String, Coding> SUBSCALES = Map.of(
            // https://loinc.org/91350-9: Distress subscore [STarT Back], the sum of items 5-9 ("psychosocial")
            Instruments.START_BACK + "/psychosocial", loinc("91350-9", "Distress subscore [STarT Back]"));

    /** STarT Back's stratum in LOINC: https://loinc.org/91352-5, answer list LL3578-3. */
    private static final Coding START_BACK_RISK = loinc("91352-5", "STarT Back Screening risk level");
    private static final Map<String, Coding> START_BACK_ANSWERS = Map.of(
            "low", loinc("LA9194-7", "Low"), "medium", loinc("LA8982-6", "Medium"), "high", loinc("LA9193-9", "High"));

    /** BackCare's strata in HL7's risk-probability codes: its "medium" is their "moderate". */
    private static final Map<String, Coding> RISK = Map.of(
            "low", new Coding(RISK_PROBABILITY, "low", "Low likelihood"),
            "medium", new Coding(RISK_PROBABILITY, "moderate", "Moderate likelihood"),
            "high", new Coding(RISK_PROBABILITY, "high", "High likelihood"));

    private InstrumentResources() {
    }

    /** Whether the result also is a RiskAssessment: STarT Back's stratum is a risk of a poor outcome. */
    public static boolean hasRiskAssessment(Questionnaire q) {
        return Instruments.START_BACK.equals(q.kind);
    }

    public static String canonical(Instrument instrument) {
        return QUESTIONNAIRE_BASE + instrument.id();
    }

    /** The id a definition is served under: the instrument id for its current version, else id-v{version}. */
    static String questionnaireId(Instrument instrument) {
        boolean current = Instruments.current(instrument.id()).map(i -> i.version().equals(instrument.version()))
                .orElse(false);
        return current ? instrument.id() : instrument.id() + "-v" + instrument.version();
    }

    /**
     * One definition version: its items in order (linkId = the item number), each an integer with its allowed answers
     * as options; required unless the missing-item rule lets it be skipped. The prompt and the answer labels, where
     * they may be reproduced, are a display item first.
     */
    public static org.hl7.fhir.r4.model.Questionnaire questionnaire(Instrument instrument) {
        var q = new org.hl7.fhir.r4.model.Questionnaire();
        q.setId(questionnaireId(instrument));
        q.setUrl(canonical(instrument));
        q.setVersion(instrument.version());
        q.setName(name(instrument.id()));
        q.setTitle(instrument.title());
        q.setStatus(PublicationStatus.ACTIVE);
        q.setExperimental(false);
        q.setPublisher("BackCare");
        q.addSubjectType("Patient");
        if (PANELS.containsKey(instrument.id())) {
            q.addCode(PANELS.get(instrument.id()).copy());
        }
        q.setDescription(description(instrument));
        if (!instrument.textsIncluded()) {
            q.setCopyright("The item texts are under copyright and not reproduced here: the items are numbered only. "
                    + "Sources: " + String.join("; ", instrument.sources()));
        }
        if (instrument.prompt() != null) {
            String labels = instrument.answerLabels() == null ? "" : " Answers: " + answerLabels(instrument) + ".";
            q.addItem().setLinkId("prompt").setType(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType.DISPLAY)
                    .setText(instrument.prompt() + labels);
        }
        for (Instrument.Item item : instrument.items()) {
            var question = q.addItem().setLinkId(linkId(item)).setText(text(item))
                    .setType(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType.INTEGER)
                    .setRequired(required(instrument, item));
            for (int answer = item.min(); answer <= item.max(); answer++) {
                question.addAnswerOption().setValue(new IntegerType(answer));
            }
        }
        return q;
    }

    /** The answers by item; a skipped item has no item at all (FHIR: an item without an answer is left out). */
    public static QuestionnaireResponse response(Questionnaire q) {
        Instrument instrument = definition(q);
        QuestionnaireResponse r = Resources.identify(new QuestionnaireResponse(), q.id.toString(), 1, q.recordedAt);
        r.setQuestionnaire(canonical(instrument) + "|" + instrument.version());
        r.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        r.setSubject(Resources.patient(q.patientId));
        r.setAuthoredElement(Resources.day(q.day));
        for (Instrument.Item item : instrument.items()) {
            Integer answer = q.answers.get(item.number() - 1);
            if (answer != null) {
                r.addItem().setLinkId(linkId(item)).setText(text(item)).addAnswer().setValue(new IntegerType(answer));
            }
        }
        return r;
    }

    /** The total (prorated where items were missing), the subscales and the band as components. */
    public static Observation score(Questionnaire q) {
        Instrument instrument = definition(q);
        InstrumentScore score = instrument.score(q.answers);
        Observation o = Resources.identify(new Observation(), QuestionnaireResources.observationId(q), 1, q.recordedAt);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(CheckInObservations.survey());
        o.setCode(new CodeableConcept(total(instrument)).setText(instrument.title() + " total score"));
        o.setSubject(Resources.patient(q.patientId));
        o.setEffective(Resources.day(q.day));
        o.setIssued(Date.from(q.recordedAt));
        o.setValue(points(score.total()));
        for (Instrument.Subscale subscale : instrument.subscales()) {
            o.addComponent().setCode(new CodeableConcept(subscale(instrument, subscale)).setText(subscale.title()))
                    .setValue(points(score.subscales().get(subscale.code())));
        }
        o.addComponent().setCode(bandCode(instrument)).setValue(bandValue(instrument, score.band()));
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + q.id));
        if (score.prorated()) {
            o.addNote().setText("Prorated: " + score.answered() + " of " + instrument.items().size()
                    + " items answered, each missing one counted as the mean of the answered ones");
        }
        return o;
    }

    /** A STarT Back result's stratum as the risk of a poor outcome, based on its answers and score. */
    public static RiskAssessment riskAssessment(Questionnaire q) {
        if (!hasRiskAssessment(q)) {
            throw new IllegalArgumentException(q.kind + " results are no RiskAssessment");
        }
        Instrument instrument = definition(q);
        Instrument.Band band = instrument.score(q.answers).band();
        RiskAssessment r = Resources.identify(new RiskAssessment(), q.id.toString(), 1, q.recordedAt);
        r.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        r.setSubject(Resources.patient(q.patientId));
        r.setOccurrence(Resources.day(q.day));
        r.setMethod(new CodeableConcept(PANELS.get(instrument.id()).copy()).setText(instrument.title()));
        r.addBasis(new Reference("QuestionnaireResponse/" + q.id));
        r.addBasis(new Reference("Observation/" + QuestionnaireResources.observationId(q)));
        r.addPrediction()
                // What the STarT Back strata predict (Hill et al. 2008): persistent disabling back pain.
                .setOutcome(new CodeableConcept().setText("Persistent disabling back pain"))
                .setQualitativeRisk(new CodeableConcept(RISK.get(band.code()).copy())
                        .addCoding(local(instrument.id() + "-band-" + band.code(), band.label()))
                        .setText(band.label()));
        return r;
    }

    /**
     * BackCare's codes of what LOINC has none for, for the tracking CodeSystem: totals and subscales without a LOINC
     * code, and every instrument's band and the bands themselves, over every definition version.
     */
    public static List<CodeSystem.ConceptDefinitionComponent> localConcepts() {
        Map<String, CodeSystem.ConceptDefinitionComponent> concepts = new LinkedHashMap<>();
        for (Instrument instrument : Instruments.all()) {
            add(concepts, total(instrument), "The total score of the " + instrument.title() + ", "
                    + instrument.minTotal() + " to " + instrument.maxTotal());
            for (Instrument.Subscale subscale : instrument.subscales()) {
                add(concepts, subscale(instrument, subscale), "The sum of items " + subscale.items() + " of the "
                        + instrument.title());
            }
            add(concepts, local(instrument.id() + "-band", instrument.title() + " band"),
                    "The band the " + instrument.title() + " score falls in");
            for (Instrument.Band band : instrument.bands()) {
                add(concepts, local(instrument.id() + "-band-" + band.code(), band.label()),
                        instrument.title() + ": " + bandRule(band));
            }
        }
        return List.copyOf(concepts.values());
    }

    private static void add(Map<String, CodeSystem.ConceptDefinitionComponent> concepts, Coding coding,
                            String definition) {
        if (FhirCodes.TRACKING_CODES.equals(coding.getSystem())) {
            concepts.putIfAbsent(coding.getCode(), new CodeSystem.ConceptDefinitionComponent()
                    .setCode(coding.getCode()).setDisplay(coding.getDisplay()).setDefinition(definition));
        }
    }

    /** The Observation code of an instrument's total. */
    public static Coding total(Instrument instrument) {
        Coding loinc = TOTALS.get(instrument.id());
        return loinc != null ? loinc.copy() : local(instrument.id() + "-total", instrument.title() + " total score");
    }

    private static Coding subscale(Instrument instrument, Instrument.Subscale subscale) {
        Coding loinc = SUBSCALES.get(instrument.id() + "/" + subscale.code());
        return loinc != null ? loinc.copy()
                : local(instrument.id() + "-" + subscale.code(), instrument.title() + ": " + subscale.title());
    }

    private static CodeableConcept bandCode(Instrument instrument) {
        CodeableConcept code = new CodeableConcept(local(instrument.id() + "-band", instrument.title() + " band"));
        if (Instruments.START_BACK.equals(instrument.id())) {
            code.addCoding(START_BACK_RISK.copy());
        }
        return code.setText(instrument.title() + " band");
    }

    private static CodeableConcept bandValue(Instrument instrument, Instrument.Band band) {
        CodeableConcept value = new CodeableConcept(local(instrument.id() + "-band-" + band.code(), band.label()));
        if (Instruments.START_BACK.equals(instrument.id())) {
            value.addCoding(START_BACK_ANSWERS.get(band.code()).copy());
        }
        return value.setText(band.label());
    }

    private static String bandRule(Instrument.Band band) {
        String rule = "a total of " + band.totalMin() + " to " + band.totalMax();
        return band.subscale() == null ? rule
                : rule + " and a " + band.subscale() + " subscale of " + band.subscaleMin() + " to " + band.subscaleMax();
    }

    private static String description(Instrument instrument) {
        String bands = instrument.bands().stream().map(b -> b.label() + ": " + bandRule(b))
                .collect(Collectors.joining("; "));
        List<String> parts = new ArrayList<>();
        parts.add(instrument.title() + ", " + instrument.items().size() + " items; total " + instrument.minTotal()
                + " to " + instrument.maxTotal() + (instrument.higherIsWorse() ? " (higher is worse)" : " (higher is better)")
                + ".");
        if (!instrument.subscales().isEmpty()) {
            parts.add("Subscales: " + instrument.subscales().stream()
                    .map(s -> s.title() + " (items " + s.items() + ")").collect(Collectors.joining(", ")) + ".");
        }
        parts.add("Bands: " + bands + ".");
        parts.add("Missing items: " + instrument.missing().rule() + ".");
        parts.add("The score is an Observation (" + total(instrument).getSystem() + " " + total(instrument).getCode()
                + ") with the subscales and band as components.");
        return String.join(" ", parts);
    }

    private static String answerLabels(Instrument instrument) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < instrument.answerLabels().size(); i++) {
            labels.add(i + " = " + instrument.answerLabels().get(i));
        }
        return String.join(", ", labels);
    }

    private static boolean required(Instrument instrument, Instrument.Item item) {
        return instrument.missing().maxMissing() == 0 || instrument.missing().required().contains(item.number());
    }

    private static String linkId(Instrument.Item item) {
        return Integer.toString(item.number());
    }

    /** The wording where it may be reproduced, else a neutral "Item n". */
    private static String text(Instrument.Item item) {
        return item.text() != null ? item.text() : "Item " + item.number();
    }

    private static Quantity points(int value) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit("{score}").setSystem(FhirCodes.UCUM)
                .setCode("{score}");
    }

    private static Instrument definition(Questionnaire q) {
        return Instruments.version(q.kind, q.version).orElseThrow(() ->
                new IllegalStateException("questionnaire " + q.id + ": no definition " + q.kind + " v" + q.version));
    }

    private static Coding loinc(String code, String display) {
        return new Coding(FhirCodes.LOINC, code, display);
    }

    private static Coding local(String code, String display) {
        return new Coding(FhirCodes.TRACKING_CODES, code, display);
    }

    /** A computer-usable name from an id: phq-9 -> Phq9, start-back -> StartBack. */
    private static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
