package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.Fhir;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HAPI's instance validator against the R4 base profiles (no terminology server: LOINC codes are not looked up). */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            var ctx = Fhir.context();
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(ctx),
                    new CommonCodeSystemsTerminologyService(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx),
                    new SnapshotGeneratingValidationSupport(ctx));
            validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator;
    }

    /** The ERROR and FATAL messages of the validation of this resource (JSON or a parsed resource). */
    public static List<String> errors(Object resource) {
        ValidationResult result = resource instanceof String json
                ? validator().validateWithResult(json) : validator().validateWithResult((IBaseResource) resource);
        List<SingleValidationMessage> messages = result.getMessages();
        messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m -> System.out.println("FHIR validation warning: " + m.getLocationString() + " " + m.getMessage()));
        return messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    public static void assertValid(Object resource) {
        assertThat(errors(resource)).as("HAPI validator errors for " + resource).isEmpty();
    }
}
