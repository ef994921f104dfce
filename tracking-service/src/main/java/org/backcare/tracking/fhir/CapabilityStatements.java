package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.Fhir;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.Date;
import java.util.List;

/** What /fhir of tracking-service serves: read and search of three types, and Bulk Data export. */
public final class CapabilityStatements {

    static final List<String> TYPES = List.of("Observation", "QuestionnaireResponse", "MedicationStatement");

    private CapabilityStatements() {
    }

    public static CapabilityStatement of(String baseUrl, Date published) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(published);
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.setName("BackCareTrackingService");
        cs.setTitle("BackCare tracking-service FHIR API");
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat(Fhir.JSON);
        cs.addFormat("json");
        cs.getSoftware().setName("BackCare tracking-service");
        cs.getImplementation().setDescription("What the patient reports: check-ins, ODI, medication intakes")
                .setUrl(baseUrl);
        cs.addInstantiates("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data");
        CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("OAuth2 bearer tokens (OpenID Connect); $export needs the integrator role "
                        + "(client credentials)");
        for (String type : TYPES) {
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
            resource.setReadHistory(false);
            resource.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                    .setDocumentation("The patient (Patient/{id}); required unless the caller is an integrator or admin");
            resource.addSearchParam().setName("date").setType(Enumerations.SearchParamType.DATE)
                    .setDocumentation(switch (type) {
                        case "Observation" -> "The day observed (effective)";
                        case "QuestionnaireResponse" -> "The day answered (authored)";
                        default -> "When the dose was taken (effective)";
                    });
            resource.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE);
            resource.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                    .setDocumentation("Page size, default " + FhirApi.DEFAULT_COUNT + ", at most " + FhirApi.MAX_COUNT);
            resource.addSearchParam().setName("_offset").setType(Enumerations.SearchParamType.NUMBER)
                    .setDocumentation("Where the page starts; follow the next link");
        }
        rest.addOperation().setName("export").setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
        rest.addOperation().setName("patient-export")
                .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
        return cs;
    }
}
