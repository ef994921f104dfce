package org.backcare.patient.fhir;

import org.backcare.platform.fhir.CapabilityStatements;
import org.backcare.platform.fhir.OperationOutcomes;
import org.backcare.patient.careteam.CareTeamMember;
import org.backcare.patient.careteam.CareTeamRole;
import org.backcare.patient.record.PainType;
import org.backcare.patient.record.Patient;
import org.backcare.patient.record.PatientStatus;
import org.backcare.patient.record.Sex;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.backcare.patient.fhir.FhirValidation.assertValid;

/**
 * Every resource type the service produces, made from entities without Quarkus and checked with HAPI's validator
 * against the R4 core profiles: no errors allowed.
 */
class FhirMapperTest {

    static Patient patient(boolean urgentReview, PatientStatus status) {
        Patient p = new Patient();
        p.id = UUID.randomUUID();
        p.version = 3;
        p.givenName = "Anna";
        p.familyName = "Berg";
        p.birthDate = LocalDate.of(1978, 4, 2);
        p.sex = Sex.FEMALE;
        p.email = "anna.berg@example.org";
        p.phone = "+46 70 123 45 67";
        p.preferredLanguage = "sv";
        p.painOnsetDate = LocalDate.of(2025, 9, 1);
        p.painType = PainType.MECHANICAL;
        p.status = status;
        p.urgentReview = urgentReview;
        p.createdAt = Instant.parse("2025-09-03T08:00:00Z");
        p.updatedAt = Instant.parse("2025-10-01T12:30:15.123456Z");
        if (status == PatientStatus.DISCHARGED) {
            p.dischargedAt = Instant.parse("2025-12-01T10:00:00Z");
        }
        for (CareTeamRole role : CareTeamRole.values()) {
            CareTeamMember m = new CareTeamMember();
            m.id = UUID.randomUUID();
            m.patient = p;
            m.subject = UUID.randomUUID().toString();
            m.role = role;
            m.displayName = "Dr " + role.code();
            m.addedAt = Instant.parse("2025-09-03T08:00:00Z");
            m.addedBy = "someone";
            p.careTeam.add(m);
        }
        return p;
    }

    @Test
    void patientIsValidAndCarriesVersionAndDemographics() {
        Patient p = patient(false, PatientStatus.ACTIVE);
        var fhir = FhirMapper.toPatient(p);
        assertValid(fhir);
        assertThat(fhir.getIdPart()).isEqualTo(p.id.toString());
        assertThat(fhir.getMeta().getVersionId()).isEqualTo("3");
        assertThat(fhir.getMeta().getLastUpdated()).isEqualTo(Date.from(Instant.parse("2025-10-01T12:30:15.123Z")));
        assertThat(fhir.getNameFirstRep().getFamily()).isEqualTo("Berg");
        assertThat(fhir.getBirthDateElement().getValueAsString()).isEqualTo("1978-04-02");
        assertThat(fhir.getGender().toCode()).isEqualTo("female");
        assertThat(fhir.getActive()).isTrue();
        assertThat(FhirMapper.etag(p)).isEqualTo("W/\"3\"");
    }

    @Test
    void aPatientWithOnlyTheRequiredFieldsIsValid() {
        Patient p = patient(false, PatientStatus.DISCHARGED);
        p.email = null;
        p.phone = null;
        p.preferredLanguage = null;
        p.careTeam.clear();
        assertValid(FhirMapper.toPatient(p));
        assertValid(FhirMapper.toCareTeam(p));
    }

    @Test
    void careTeamIsValidWithEveryRoleAsSnomedOccupation() {
        Patient p = patient(false, PatientStatus.ACTIVE);
        CareTeam team = FhirMapper.toCareTeam(p);
        assertValid(team);
        assertThat(team.getIdPart()).isEqualTo(p.id.toString());
        assertThat(team.getSubject().getReference()).isEqualTo("Patient/" + p.id);
        assertThat(team.getStatus()).isEqualTo(CareTeam.CareTeamStatus.ACTIVE);
        assertThat(team.getParticipant()).hasSize(3);
        assertThat(team.getParticipant()).extracting(pt -> pt.getRoleFirstRep().getCodingFirstRep().getCode())
                .containsExactly("309343006", "36682004", "59944000");
        assertThat(team.getParticipant()).allSatisfy(pt -> {
            assertThat(pt.getRoleFirstRep().getCodingFirstRep().getSystem()).isEqualTo(FhirMapper.SNOMED);
            assertThat(pt.getMember().getIdentifier().getSystem()).isEqualTo(FhirMapper.OIDC_SUBJECT_SYSTEM);
            assertThat(pt.getMember().getDisplay()).startsWith("Dr ");
        });
    }

    @Test
    void aDischargedPatientsCareTeamIsInactiveWithAnEnd() {
        CareTeam team = FhirMapper.toCareTeam(patient(false, PatientStatus.DISCHARGED));
        assertValid(team);
        assertThat(team.getStatus()).isEqualTo(CareTeam.CareTeamStatus.INACTIVE);
        assertThat(team.getPeriod().hasEnd()).isTrue();
    }

    @Test
    void flagIsValidActiveClinicalWithItsStart() {
        Patient p = patient(true, PatientStatus.ACTIVE);
        Instant start = Instant.parse("2025-09-30T07:00:00Z");
        Flag flag = FhirMapper.toFlag(p, start);
        assertValid(flag);
        assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
        assertThat(flag.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo(FhirMapper.FLAG_CATEGORY);
        assertThat(flag.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("clinical");
        assertThat(flag.getCode().getText()).isEqualTo("Urgent review: red flag");
        assertThat(flag.getPeriod().getStart()).isEqualTo(Date.from(start));
        assertThatThrownBy(() -> FhirMapper.toFlag(patient(false, PatientStatus.ACTIVE), start))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The check above means something: a Flag without its required status and code is refused. */
    @Test
    void theValidatorReportsErrorsOnAnInvalidResource() {
        Flag flag = FhirMapper.toFlag(patient(true, PatientStatus.ACTIVE), null);
        flag.setStatus(null);
        flag.setCode(null);
        assertThat(FhirValidation.errors(flag)).isNotEmpty();
    }

    @Test
    void capabilityStatementIsValid() {
        assertValid(CapabilityStatements.of(PatientFhirServer.describe(), "https://backcare.example/fhir", new Date(),
                new CapabilityStatements.OAuthEndpoints("https://login.backcare.example/token",
                        "https://login.backcare.example/auth")));
    }

    @Test
    void operationOutcomeIsValid() {
        OperationOutcome outcome = OperationOutcomes.of(OperationOutcomes.issueFor(404), "Patient/x is not known");
        assertValid(outcome);
        for (int status : new int[] {400, 401, 403, 405, 406, 409, 412, 413, 415, 428, 429, 500}) {
            assertValid(OperationOutcomes.of(OperationOutcomes.issueFor(status), "status " + status));
        }
    }

    @Test
    void searchsetBundleIsValid() {
        Patient p = patient(true, PatientStatus.ACTIVE);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(2);
        bundle.addLink().setRelation("self").setUrl("https://backcare.example/fhir/Flag?_count=1");
        bundle.addLink().setRelation("next").setUrl("https://backcare.example/fhir/Flag?_count=1&_offset=1");
        bundle.addEntry().setFullUrl("https://backcare.example/fhir/Flag/" + p.id)
                .setResource(FhirMapper.toFlag(p, null)).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        assertValid(bundle);
    }
}
