package org.backcare.patient.fhir;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backcare.platform.fhir.Canonicals;
import org.backcare.platform.fhir.FhirServer;
import org.backcare.platform.fhir.FhirServer.SearchParam;
import org.backcare.platform.fhir.FhirServer.ServedType;

import java.util.List;

/** What patient-service's FHIR API serves: the domain part of its CapabilityStatement (platform-fhir builds it). */
@Singleton
public class PatientFhirServer {

    @Produces
    @Singleton
    FhirServer fhirServer() {
        return describe();
    }

    public static FhirServer describe() {
        return new FhirServer("patient-service",
                "Patients, their care teams and urgent-review red flags of BackCare's patient-service, read-only, "
                        + "with FHIR Bulk Data export for integrators.",
                "Patients read their own record, clinicians the patients whose care team they are on, admins and "
                        + "integrators (client credentials) everything.",
                List.of(ServedType.readAndSearch("Patient", "The patient's record", SearchParam.id(),
                                SearchParam.lastUpdated(), SearchParam.count(), SearchParam.offset()),
                        ServedType.readAndSearch("CareTeam", "The patient's one care team (id = the patient's id)",
                                patient(), date("When the CareTeam began (period start)"), SearchParam.id(),
                                SearchParam.lastUpdated(), SearchParam.count(), SearchParam.offset()),
                        ServedType.readAndSearch("Flag", "A patient under urgent review after a red flag (id = the "
                                        + "patient's id)", patient(), date("When the Flag began (period start)"),
                                SearchParam.id(), SearchParam.lastUpdated(), SearchParam.count(), SearchParam.offset())),
                true, Canonicals.none());
    }

    private static SearchParam patient() {
        return SearchParam.clinicalPatient("Patient/{id} or the id (also as subject)");
    }

    private static SearchParam date(String meaning) {
        return SearchParam.clinicalDate(meaning);
    }
}
