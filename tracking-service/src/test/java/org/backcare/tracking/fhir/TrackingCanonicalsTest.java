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
 * The CodeSystem and the ODI Questionnaire tracking-service serves are what its resources use: validated with them
 * known to HAPI's validator, a served QuestionnaireResponse and the check-in Observations conform to them.
 */
class TrackingCanonicalsTest {

    private static FhirValidator validator;

    /** HAPI's validator that also knows the served CodeSystem and Questionnaire, as a client resolving them would. */
    static synchronized FhirValidator validator() {
        if (validator == null) {
            var ctx = Fhir.context();
            PrePopulatedValidationSupport codeSystem = new PrePopulatedValidationSupport(ctx);
            codeSystem.addCodeSystem(TrackingCanonicals.trackingCodes());
            // The validator looks questionnaires up by URL, which PrePopulatedValidationSupport does not hold.
            IValidationSupport questionnaire = new IValidationSupport() {
                @Override
                public FhirContext getFhirContext() {
                    return ctx;
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                    Questionnaire odi = TrackingCanonicals.odi();
                    boolean wanted = type == null || type.isAssignableFrom(Questionnaire.class);
                    return wanted && odi.getUrl().equals(url) ? (T) odi : null;
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
                .containsExactly("sleep-quality", "mood", "function", "stress");
        FhirValidation.assertValid(codes);
        for (var observation : CheckInObservations.of(FhirMappingTest.checkIn())) {
            assertThat(errors(observation)).as(observation.getIdPart()).isEmpty();
        }
    }

    @Test
    void bothAreServedAsCanonicals() {
        assertThat(TrackingFhirServer.describe().canonicals().types()).containsExactly("CodeSystem", "Questionnaire");
    }
}
