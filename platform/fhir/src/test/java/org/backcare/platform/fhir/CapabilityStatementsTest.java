package org.backcare.platform.fhir;

import org.backcare.platform.fhir.FhirServer.SearchParam;
import org.backcare.platform.fhir.FhirServer.ServedType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One CapabilityStatement builder for every service: the service's domain in, the shared declarations added. */
class CapabilityStatementsTest {

    static final String REALM = "https://login.backcare.example/realms/backcare";
    static final CapabilityStatements.OAuthEndpoints TOKEN = new CapabilityStatements.OAuthEndpoints(
            REALM + "/protocol/openid-connect/token", REALM + "/protocol/openid-connect/auth");

    static FhirServer server(boolean bulkData, Canonicals canonicals, ServedType... types) {
        return new FhirServer("plan-service", "Treatment plans", "Patients read their own plans.", List.of(types),
                bulkData, canonicals);
    }

    static ServedType carePlan() {
        return ServedType.readAndSearch("CarePlan", "The treatment plan",
                SearchParam.patient("Patient/{id}").definedBy("http://hl7.org/fhir/SearchParameter/clinical-patient"),
                SearchParam.date("The plan's period"), SearchParam.lastUpdated(), SearchParam.count());
    }

    static CodeSystem codeSystem() {
        CodeSystem cs = new CodeSystem();
        cs.setId("formulary");
        cs.setUrl("https://backcare.example/fhir/CodeSystem/formulary");
        cs.setName("BackCareFormulary");
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        cs.addConcept().setCode("ibuprofen").setDisplay("Ibuprofen");
        return cs;
    }

    static Questionnaire questionnaire() {
        Questionnaire q = new Questionnaire();
        q.setId("odi");
        q.setUrl("https://backcare.example/fhir/Questionnaire/odi");
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.addItem().setLinkId("1").setText("Pain intensity").setType(Questionnaire.QuestionnaireItemType.INTEGER);
        return q;
    }

    static CapabilityStatementRestResourceComponent resource(CapabilityStatement cs, String type) {
        return cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in the CapabilityStatement"));
    }

    @Test
    void bulkDataIsDeclaredAsTheBulkDataIgAsks() {
        CapabilityStatement cs = CapabilityStatements.of(server(true, Canonicals.none(), carePlan()),
                "https://plans.backcare.example/fhir", new Date(), TOKEN);

        assertThat(cs.getInstantiates()).extracting(UriType::getValue).containsExactly(CapabilityStatements.BULK_DATA);
        CapabilityStatementRestComponent rest = cs.getRestFirstRep();
        assertThat(rest.getOperation()).singleElement().satisfies(op -> {
            assertThat(op.getName()).isEqualTo("export");
            assertThat(op.getDefinition()).isEqualTo("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
        });
        // plan-service holds no Patient: the Patient entry only carries the Patient-level export.
        CapabilityStatementRestResourceComponent patient = resource(cs, "Patient");
        assertThat(patient.getInteraction()).isEmpty();
        assertThat(patient.getOperation()).singleElement().satisfies(op -> {
            assertThat(op.getName()).isEqualTo("export");
            assertThat(op.getDefinition())
                    .isEqualTo("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
        });
        FhirValidation.assertValid(cs);
    }

    @Test
    void aServedPatientTypeCarriesThePatientExportItself() {
        CapabilityStatement cs = CapabilityStatements.of(server(true, Canonicals.none(),
                ServedType.readAndSearch("Patient", "Patients", SearchParam.id())), "https://p.example/fhir", new Date(), TOKEN);
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType()).containsExactly("Patient");
        assertThat(resource(cs, "Patient").getInteraction()).hasSize(2);
        assertThat(resource(cs, "Patient").getOperation()).extracting(o -> o.getDefinition())
                .containsExactly(CapabilityStatements.PATIENT_EXPORT);
        FhirValidation.assertValid(cs);
    }

    @Test
    void withoutBulkDataNothingOfItIsDeclared() {
        CapabilityStatement cs = CapabilityStatements.of(server(false, Canonicals.none(), carePlan()),
                "https://p.example/fhir", new Date(), TOKEN);
        assertThat(cs.getInstantiates()).isEmpty();
        assertThat(cs.getRestFirstRep().getOperation()).isEmpty();
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType()).containsExactly("CarePlan");
    }

    @Test
    void securityIsSmartOnFhirWithTheTokenEndpoint() {
        CapabilityStatement cs = CapabilityStatements.of(server(true, Canonicals.none(), carePlan()),
                "https://p.example/fhir", new Date(), TOKEN);
        var security = cs.getRestFirstRep().getSecurity();
        assertThat(security.getCors()).isTrue();
        assertThat(security.getServiceFirstRep().getCoding()).extracting(c -> c.getSystem() + "#" + c.getCode())
                .contains(CapabilityStatements.SECURITY_SERVICE + "#SMART-on-FHIR",
                        CapabilityStatements.SECURITY_SERVICE + "#OAuth");
        var oauthUris = security.getExtensionByUrl(CapabilityStatements.OAUTH_URIS);
        assertThat(oauthUris.getExtensionByUrl("token").getValue().primitiveValue()).isEqualTo(TOKEN.token());
        assertThat(oauthUris.getExtensionByUrl("authorize").getValue().primitiveValue()).isEqualTo(TOKEN.authorize());
        assertThat(security.getDescription()).contains("Patients read their own plans.");

        CapabilityStatement unknown = CapabilityStatements.of(server(true, Canonicals.none(), carePlan()),
                "https://p.example/fhir", new Date(), null);
        assertThat(unknown.getRestFirstRep().getSecurity().getExtensionByUrl(CapabilityStatements.OAUTH_URIS)).isNull();
    }

    @Test
    void theServicesTypesComeWithTheirSearchParametersAndCanonicalTypesAreReadAndSearchedByUrl() {
        CapabilityStatement cs = CapabilityStatements.of(
                server(true, Canonicals.of(codeSystem(), questionnaire()), carePlan()),
                "https://plans.backcare.example/fhir", new Date(), TOKEN);

        assertThat(cs.getName()).isEqualTo("BackCarePlanService");
        assertThat(cs.getImplementation().getUrl()).isEqualTo("https://plans.backcare.example/fhir");
        assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(cs.getFormat()).extracting(f -> f.getValue()).contains(Fhir.JSON, "json");
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactly("CarePlan", "CodeSystem", "Questionnaire", "Patient");
        CapabilityStatementRestResourceComponent carePlan = resource(cs, "CarePlan");
        assertThat(carePlan.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("read", "search-type");
        assertThat(carePlan.getSearchParam()).extracting(p -> p.getName())
                .containsExactly("patient", "date", "_lastUpdated", "_count");
        assertThat(carePlan.getSearchParam().get(0).getDefinition())
                .isEqualTo("http://hl7.org/fhir/SearchParameter/clinical-patient");
        for (String type : List.of("CodeSystem", "Questionnaire")) {
            assertThat(resource(cs, type).getInteraction()).extracting(i -> i.getCode().toCode())
                    .containsExactly("read", "search-type");
            assertThat(resource(cs, type).getSearchParam()).extracting(p -> p.getName()).containsExactly("url");
        }
        FhirValidation.assertValid(cs);
    }

    @Test
    void theOAuthEndpointsAreConfiguredOrTheRealmsOwn() {
        assertThat(CapabilityResource.oauthEndpoints(Optional.of("http://127.0.0.1:18080/realms/backcare/"),
                Optional.empty(), Optional.empty())).isEqualTo(new CapabilityStatements.OAuthEndpoints(
                "http://127.0.0.1:18080/realms/backcare/protocol/openid-connect/token",
                "http://127.0.0.1:18080/realms/backcare/protocol/openid-connect/auth"));
        assertThat(CapabilityResource.oauthEndpoints(Optional.of("http://127.0.0.1:18080/realms/x"),
                Optional.of(TOKEN.token()), Optional.of(TOKEN.authorize()))).isEqualTo(TOKEN);
        assertThat(CapabilityResource.oauthEndpoints(Optional.empty(), Optional.of(TOKEN.token()), Optional.empty()))
                .as("the extension needs both").isNull();
    }
}
