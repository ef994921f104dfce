package org.backcare.patient.record;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Set;

/** The editable part of a patient record: the body of register (POST) and replace (PUT), the target of PATCH. */
@Schema(name = "PatientRequest", description = "A patient record as a client writes it")
public record PatientRequest(
        @NotBlank @Size(max = 100) @Schema(example = "Anna", required = true) String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "Berg", required = true) String familyName,
        @NotNull @Past(message = "must be a date in the past") @Schema(example = "1978-04-02", required = true)
        LocalDate birthDate,
        @NotNull @Schema(example = "female", required = true) Sex sex,
        @Email @Size(max = 254) @Schema(example = "anna.berg@example.org") String email,
        @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "must be a phone number such as +46 70 123 45 67")
        @Schema(example = "+46 70 123 45 67") String phone,
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a language tag such as en or sv-SE")
        @Schema(example = "sv") String preferredLanguage,
        @Size(max = 255) @Schema(description = "OIDC subject of the patient's own login, if they have one. "
                + "Left out of a PUT, the current link stays; PATCH it to null to unlink.",
                example = "5b8e6c1e-6a6a-4c2e-9a55-0a1f0e6f9a01") String oidcSubject,
        @PastOrPresent(message = "must not be in the future")
        @Schema(description = "When the back pain began; more than 12 weeks ago counts as chronic", example = "2025-09-01")
        LocalDate painOnsetDate,
        @Schema(description = "The clinician's working classification; requires painTypeRationale", example = "mechanical")
        PainType painType,
        @Size(max = 2000) @Schema(example = "Pain flares with bending and long sitting, eases with movement")
        String painTypeRationale,
        @Schema(description = "Conditions that matter for medication safety", example = "[\"kidney-disease\"]")
        Set<@NotNull Comorbidity> comorbidities) {

    /** The three fields a patient may change on their own record. */
    public static final Set<String> CONTACT_FIELDS = Set.of("email", "phone", "preferredLanguage");
    /** The fields that make up the pain classification, which only clinicians set. */
    public static final Set<String> PAIN_CLASSIFICATION_FIELDS = Set.of("painType", "painTypeRationale");

    public PatientRequest withOidcSubject(String subject) {
        return new PatientRequest(givenName, familyName, birthDate, sex, email, phone, preferredLanguage, subject,
                painOnsetDate, painType, painTypeRationale, comorbidities);
    }

    public Set<Comorbidity> comorbiditiesOrEmpty() {
        return comorbidities == null ? Set.of() : comorbidities;
    }

    static PatientRequest of(Patient p) {
        return new PatientRequest(p.givenName, p.familyName, p.birthDate, p.sex, p.email, p.phone,
                p.preferredLanguage, p.oidcSubject, p.painOnsetDate, p.painType, p.painTypeRationale,
                Set.copyOf(p.comorbidities));
    }
}
