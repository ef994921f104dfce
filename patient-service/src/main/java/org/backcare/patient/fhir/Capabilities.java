package org.backcare.patient.fhir;

import org.backcare.platform.fhir.Fhir;
import org.backcare.patient.fhir.FhirMapper.Type;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.Date;

/** What the FHIR API of this service offers, as served at /fhir/metadata. Plain code, validated in tests. */
public final class Capabilities {

    static final String BULK_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
    static final String PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";

    private Capabilities() {
    }

    public static CapabilityStatement statement(String base, Date published) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setName("BackCarePatientService");
        cs.setTitle("BackCare patient-service FHIR API");
        cs.setDate(published);
        cs.setPublisher("BackCare");
        cs.setDescription("Patients, their care teams and urgent-review red flags of BackCare's patient-service, "
                + "read-only, with FHIR Bulk Data export for integrators.");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("BackCare patient-service");
        cs.getImplementation().setDescription("BackCare patient-service").setUrl(base);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("json");
        cs.addFormat(Fhir.JSON);

        CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true).addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("OAuth 2 bearer tokens from the BackCare realm. Patients read their own record, "
                        + "clinicians the patients whose care team they are on, admins everything; integrators "
                        + "(client credentials) read and search everything and run Bulk Data exports.");
        for (Type type : Type.values()) {
            CapabilityStatementRestResourceComponent resource = rest.addResource();
            resource.setType(type.fhirName());
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
            resource.setReadHistory(false);
            resource.addSearchParam().setName("_id").setType(Enumerations.SearchParamType.TOKEN)
                    .setDefinition("http://hl7.org/fhir/SearchParameter/Resource-id");
            resource.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE)
                    .setDefinition("http://hl7.org/fhir/SearchParameter/Resource-lastUpdated");
            if (type != Type.PATIENT) {
                String lower = type == Type.CARE_TEAM ? "CareTeam" : "Flag";
                resource.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                        .setDefinition("http://hl7.org/fhir/SearchParameter/clinical-patient");
                resource.addSearchParam().setName("date").setType(Enumerations.SearchParamType.DATE)
                        .setDefinition("http://hl7.org/fhir/SearchParameter/clinical-date")
                        .setDocumentation("When the " + lower + " began (period start)");
            }
            if (type == Type.PATIENT) {
                resource.addOperation().setName("export").setDefinition(PATIENT_EXPORT);
            }
        }
        rest.addOperation().setName("export").setDefinition(BULK_EXPORT);
        return cs;
    }
}
