package org.backcare.plan.fhir;

import org.backcare.platform.fhir.Fhir;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.Date;
import java.util.Map;

/** The CapabilityStatement of /fhir/metadata: what this server reads, searches and exports. */
public final class Capability {

    static final String BULK_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
    static final String PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";

    private static final Map<String, String> DATE_MEANING = Map.of(
            "CarePlan", "The plan's period (start to the next review) meets the given date range",
            "Goal", "The goal's target due date",
            "MedicationRequest", "The prescription's validity (start to end date) meets the given date range");

    private Capability() {
    }

    public static CapabilityStatement statement(String base, Date published) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(published);
        cs.setPublisher("BackCare");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("BackCare plan-service");
        cs.getImplementation().setDescription("BackCare plan-service: treatment plans, goals and medications")
                .setUrl(base);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("json");
        cs.addFormat(Fhir.JSON);
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true)
                .addService(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/restful-security-service",
                        "OAuth", "OAuth")))
                .setDescription("OAuth2 bearer tokens from the BackCare Keycloak realm. Integrators (client credentials, "
                        + "role 'integrator') search across patients and run $export; patients and clinicians read "
                        + "what the BackCare access rules let them see.");
        for (String type : FhirStore.TYPES) {
            CapabilityStatementRestResourceComponent resource = rest.addResource();
            resource.setType(type);
            resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
            resource.setReadHistory(false);
            resource.setUpdateCreate(false);
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            resource.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                    .setDocumentation("Patient/{id}, or the id alone");
            resource.addSearchParam().setName("date").setType(Enumerations.SearchParamType.DATE)
                    .setDocumentation(DATE_MEANING.get(type) + "; prefixes eq, gt, ge, lt, le");
            resource.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE)
                    .setDocumentation("meta.lastUpdated; prefixes eq, gt, ge, lt, le");
            resource.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                    .setDocumentation("Page size, default 50, at most 500; follow the next link for more");
        }
        rest.addOperation().setName("export").setDefinition(BULK_EXPORT)
                .setDocumentation("Bulk Data system export (GET /fhir/$export with Prefer: respond-async); _since, _type");
        rest.addOperation().setName("patient-export").setDefinition(PATIENT_EXPORT)
                .setDocumentation("Bulk Data patient export (GET /fhir/Patient/$export with Prefer: respond-async)");
        return cs;
    }
}
