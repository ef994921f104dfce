package org.backcare.tracking.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import org.backcare.platform.fhir.Fhir;
import org.backcare.tracking.questionnaire.Odi;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CodeSystem and the ODI and instrument Questionnaires tracking-service serves are what its resources use:
 * validated with them known to HAPI's validator, the served QuestionnaireResponses and Observations conform to them.
 */
class TrackingCanonicalsTest {

    private static FhirValidator validator;

    /** HAPI's validator that also knows the served CodeSystem and Questionnaire, as a client resolving them would. */
    static synchronized FhirValidator validator() {
        if (validator == null) {
            var ctx = Fhir.context();
            PrePopulatedValidationSupport codeSystem = new PrePopulatedValidationSupport(ctx);
            codeSystem.addCodeSystem(TrackingCanonicals.trackingCodes());
            // The validator looks questionnaires up by URL (url|version), which PrePopulatedValidationSupport does not
            // hold.
            IValidationSupport questionnaire = new IValidationSupport() {
                @Override
                public FhirContext getFhirContext() {
                    return ctx;
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                    boolean wanted = type == null || type.isAssignableFrom(Questionnaire.class);
                    return !wanted ? null : (T) TrackingCanonicals.all().all().stream()
                            .filter(r -> r instanceof Questionnaire)
                            .filter(r -> r.getUrl().equals(url) || (r.getUrl() + "|" + r.getVersion()).equals(url))
                            .findFirst().orElse(null);
                }
            };
            validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
                    questionnaire, codeSystem, new DefaultProfileValidationSupport(ctx),
                    new CommonCodeSystemsTerminologyService(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx), new SnapshotGeneratingValidationSupport(ctx))));
        }
        return validator;
    }

    static List<String> errors(IBaseResource resource) {
        return validator().validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
    }

    @Test
    void theOdiQuestionnaireHasTenSectionsAnsweredZeroToFive() {
        Questionnaire odi = TrackingCanonicals.odi();
        assertThat(odi.getUrl()).isEqualTo(OdiResources.QUESTIONNAIRE);
        assertThat(odi.getIdElement().getIdPart()).isEqualTo("odi");
        assertThat(odi.getItem()).hasSize(Odi.SECTIONS);
        assertThat(odi.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).toList());
        assertThat(odi.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getText)
                .startsWith("Pain intensity").endsWith("Travelling");
        for (Questionnaire.QuestionnaireItemComponent item : odi.getItem()) {
            assertThat(item.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.INTEGER);
            assertThat(item.getAnswerOption()).extracting(o -> ((IntegerType) o.getValue()).getValue())
                    .containsExactly(0, 1, 2, 3, 4, 5);
        }
        FhirValidation.assertValid(odi);
    }

    @Test
    void aServedQuestionnaireResponseConformsToTheQuestionnaire() {
        QuestionnaireResponse response = OdiResources.response(FhirMappingTest.odi());
        assertThat(response.getQuestionnaire()).isEqualTo(TrackingCanonicals.odi().getUrl());
        assertThat(errors(response)).isEmpty();

        // The check means something: an answer the Questionnaire does not offer is an error.
        response.getItem().get(0).getAnswerFirstRep().setValue(new IntegerType(7));
        assertThat(errors(response)).isNotEmpty();
    }

    @Test
    void theTrackingCodeSystemHasEveryLocalCodeTheObservationsUse() {
        CodeSystem codes = TrackingCanonicals.trackingCodes();
        assertThat(codes.getUrl()).isEqualTo(FhirCodes.TRACKING_CODES);
        assertThat(codes.getIdElement().getIdPart()).isEqualTo("tracking");
        assertThat(codes.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .startsWith("sleep-quality", "mood", "function", "stress")
                .contains("pcs-total", "pcs-rumination", "tsk-11-total", "pseq-total", "start-back-band",
                        "start-back-band-medium", "phq-9-band-moderately-severe")
                .doesNotContain("phq-9-total", "start-back-psychosocial")
                .doesNotHaveDuplicates();
        assertThat(codes.getCount()).isEqualTo(codes.getConcept().size());
        FhirValidation.assertValid(codes);
        for (var observation : CheckInObservations.of(FhirMappingTest.checkIn())) {
            assertThat(errors(observation)).as(observation.getIdPart()).isEmpty();
        }
    }

    @Test
    void everyInstrumentsObservationsUseOnlyServedCodesAndItsResponsesConformToItsQuestionnaire() {
        List<org.backcare.tracking.questionnaire.Questionnaire> results = List.of(
                FhirMappingTest.instrumentResult("phq-9", 1, 2, 1, null, 1, 2, 1, 2, 0),
                FhirMappingTest.instrumentResult("gad-7", 3, 3, 3, 3, 3, 3, null),
                FhirMappingTest.instrumentResult("start-back", 1, 0, 1, 0, 1, 1, 1, 0, 3),
                FhirMappingTest.instrumentResult("pcs", 3, 3, 3, 3, 3, 2, 2, 4, 4, 4, 4, 3, 2),
                FhirMappingTest.instrumentResult("tsk-11", 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3),
                FhirMappingTest.instrumentResult("pseq", 6, 5, 4, 3, 2, 1, 0, 1, 2, 3));
        for (var result : results) {
            assertThat(errors(InstrumentResources.response(result))).as(result.kind).isEmpty();
            assertThat(errors(InstrumentResources.score(result))).as(result.kind).isEmpty();
        }
        assertThat(errors(InstrumentResources.riskAssessment(results.get(2)))).isEmpty();

        // The check means something: an answer out of the item's range, or a required item left out, is an error.
        QuestionnaireResponse outOfRange = InstrumentResources.response(results.get(2));
        outOfRange.getItem().get(0).getAnswerFirstRep().setValue(new IntegerType(2));
        assertThat(errors(outOfRange)).isNotEmpty();
        QuestionnaireResponse missing = InstrumentResources.response(results.get(0));
        missing.getItem().remove(missing.getItem().size() - 1);
        assertThat(errors(missing)).as("PHQ-9 item 9 is required").isNotEmpty();
    }

    @Test
    void thePhq9QuestionnaireHasItsTextsAndTheStartBackOneOnlyNumberedItems() {
        Questionnaire phq9 = InstrumentResources.questionnaire(
                org.backcare.tracking.questionnaire.Instruments.current("phq-9").orElseThrow());
        FhirValidation.assertValid(phq9);
        assertThat(phq9.getIdElement().getIdPart()).isEqualTo("phq-9");
        assertThat(phq9.getUrl()).isEqualTo("https://backcare.example/fhir/Questionnaire/phq-9");
        assertThat(phq9.getVersion()).isEqualTo("1");
        assertThat(phq9.getCodeFirstRep().getCode()).isEqualTo("44249-1");
        assertThat(phq9.getItem().get(0).getType()).isEqualTo(Questionnaire.QuestionnaireItemType.DISPLAY);
        assertThat(phq9.getItem().get(0).getText()).startsWith("Over the last 2 weeks").contains("3 = Nearly every day");
        List<Questionnaire.QuestionnaireItemComponent> items = phq9.getItem().subList(1, phq9.getItem().size());
        assertThat(items).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(items.get(0).getText()).isEqualTo("Little interest or pleasure in doing things");
        assertThat(items.get(0).getAnswerOption()).extracting(o -> ((IntegerType) o.getValue()).getValue())
                .containsExactly(0, 1, 2, 3);
        assertThat(items).extracting(Questionnaire.QuestionnaireItemComponent::getRequired)
                .containsExactly(false, false, false, false, false, false, false, false, true);
        assertThat(phq9.hasCopyright()).isFalse();

        Questionnaire startBack = InstrumentResources.questionnaire(
                org.backcare.tracking.questionnaire.Instruments.current("start-back").orElseThrow());
        FhirValidation.assertValid(startBack);
        assertThat(startBack.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getText)
                .containsExactly("Item 1", "Item 2", "Item 3", "Item 4", "Item 5", "Item 6", "Item 7", "Item 8", "Item 9");
        assertThat(startBack.getItem().get(8).getAnswerOption()).hasSize(5);
        assertThat(startBack.getItem()).allMatch(Questionnaire.QuestionnaireItemComponent::getRequired);
        assertThat(startBack.getCopyright()).contains("copyright");
    }

    @Test
    void allAreServedAsCanonicals() {
        var canonicals = TrackingFhirServer.describe().canonicals();
        assertThat(canonicals.types()).containsExactly("CodeSystem", "Questionnaire");
        assertThat(canonicals.all()).extracting(r -> r.getIdElement().getIdPart())
                .containsExactly("tracking", "odi", "start-back", "phq-9", "gad-7", "pcs", "tsk-11", "pseq");
        canonicals.all().forEach(FhirValidation::assertValid);
    }
}
