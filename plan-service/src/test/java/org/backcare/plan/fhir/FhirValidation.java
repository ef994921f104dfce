package org.backcare.plan.fhir;

import org.backcare.platform.fhir.Fhir;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** HAPI's FHIR R4 instance validator over the base specification: a resource passes with no ERROR or FATAL message. */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(Fhir.context()),
                    new InMemoryTerminologyServerValidationSupport(Fhir.context()),
                    new CommonCodeSystemsTerminologyService(Fhir.context()));
            validator = Fhir.context().newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator;
    }

    /** The ERROR and FATAL messages of validating this resource. */
    public static List<String> errors(IBaseResource resource) {
        ValidationResult result = validator().validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe).toList();
    }

    /** Validates the JSON exactly as served. */
    public static List<String> errors(String json) {
        ValidationResult result = validator().validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe).toList();
    }

    public static void assertValid(IBaseResource resource) {
        assertThat(errors(resource)).as(resource.fhirType() + " " + Fhir.json().encodeResourceToString(resource)).isEmpty();
    }

    public static void assertValid(String json) {
        assertThat(errors(json)).as(json).isEmpty();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }

    static String all(List<String> messages) {
        return messages.stream().collect(Collectors.joining("\n"));
    }
}
