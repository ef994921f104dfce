package org.backcare.patient.fhir;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HAPI's validator against the FHIR R4 core profiles and terminology (no terminology server: codes from SNOMED CT
 * and LOINC are not checked, which the validator reports as warnings at most). Built once: building it is slow.
 */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    static synchronized FhirValidator validator() {
        if (validator == null) {
            var ctx = Fhir.context();
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx),
                    new CommonCodeSystemsTerminologyService(ctx));
            FhirValidator v = ctx.newValidator();
            v.registerValidatorModule(new FhirInstanceValidator(chain));
            validator = v;
        }
        return validator;
    }

    /** The ERROR and FATAL messages; warnings and information are allowed. */
    public static List<String> errors(IBaseResource resource) {
        return errors(validator().validateWithResult(resource));
    }

    public static List<String> errors(String json) {
        return errors(validator().validateWithResult(json));
    }

    private static List<String> errors(ValidationResult result) {
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe)
                .toList();
    }

    /** Fails with every error the validator found. */
    public static void assertValid(IBaseResource resource) {
        assertThat(errors(resource)).as("validation errors of " + Fhir.json().encodeResourceToString(resource))
                .isEmpty();
    }

    public static void assertValid(String json) {
        assertThat(errors(json)).as("validation errors of " + json).isEmpty();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
