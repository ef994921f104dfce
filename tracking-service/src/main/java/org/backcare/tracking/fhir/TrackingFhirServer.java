package org.backcare.tracking.fhir;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backcare.platform.fhir.FhirServer;
import org.backcare.platform.fhir.FhirServer.SearchParam;
import org.backcare.platform.fhir.FhirServer.ServedType;

import java.util.List;

/**
 * What tracking-service's FHIR API serves: the domain part of its CapabilityStatement (platform-fhir builds it), and
 * its own CodeSystem and the ODI Questionnaire (TrackingCanonicals), which FhirApi serves by id and by url.
 */
@Singleton
public class TrackingFhirServer {

    @Produces
    @Singleton
    FhirServer fhirServer() {
        return describe();
    }

    public static FhirServer describe() {
        return new FhirServer("tracking-service",
                "What BackCare patients report: daily check-ins as Observations, the Oswestry Disability Index as "
                        + "QuestionnaireResponse and score Observation, medication intakes as MedicationStatements; "
                        + "read-only, with FHIR Bulk Data export for integrators.",
                "Patients read their own reports, clinicians those of the patients whose care team they are on; "
                        + "a search without patient is for integrators and admins.",
                List.of(type("Observation", "Pain NRS (LOINC 72514-3), sleep duration (LOINC 93832-4), sleep "
                                + "quality, mood, function and stress of each check-in; the ODI score (LOINC 97909-6)",
                                "The day observed (effective)"),
                        type("QuestionnaireResponse", "A completed Oswestry Disability Index",
                                "The day answered (authored)"),
                        type("MedicationStatement", "A medication intake the patient logged",
                                "When the dose was taken (effective)")),
                true, TrackingCanonicals.all());
    }

    private static ServedType type(String type, String documentation, String date) {
        return ServedType.readAndSearch(type, documentation,
                SearchParam.patient("Patient/{id} or the id (also as subject); required unless the caller is an "
                        + "integrator or admin"),
                SearchParam.date(date), SearchParam.lastUpdated(), SearchParam.count(), SearchParam.offset());
    }
}
