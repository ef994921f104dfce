package org.backcare.tracking.fhir;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backcare.platform.fhir.FhirServer;
import org.backcare.platform.fhir.FhirServer.SearchParam;
import org.backcare.platform.fhir.FhirServer.ServedType;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import java.util.ArrayList;
import java.util.List;

/**
 * What tracking-service's FHIR API serves: the domain part of its CapabilityStatement (platform-fhir builds it), and
 * its own CodeSystem and the ODI and instrument Questionnaires (TrackingCanonicals), which FhirApi serves by id and by
 * url.
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
                "What BackCare patients report: daily check-ins as Observations, the Oswestry Disability Index and the "
                        + "scored instruments (STarT Back, PHQ-9, GAD-7, PCS, TSK-11, PSEQ) as QuestionnaireResponse "
                        + "and score Observation, STarT Back strata as RiskAssessments, medication intakes as "
                        + "MedicationStatements; read-only, with FHIR Bulk Data export for integrators.",
                "Patients read their own reports, clinicians those of the patients whose care team they are on; "
                        + "a search without patient is for integrators and admins.",
                List.of(type("Observation", "Pain NRS (LOINC 72514-3), sleep duration (LOINC 93832-4), sleep "
                                + "quality, mood, function and stress of each check-in; the ODI score (LOINC 97909-6); "
                                + "instrument totals (PHQ-9 LOINC 44261-6, GAD-7 LOINC 70274-6, STarT Back LOINC "
                                + "91351-7, PCS, TSK-11 and PSEQ with BackCare codes) with subscales and band as "
                                + "components",
                                "The day observed (effective)",
                                SearchParam.of("code", SearchParamType.TOKEN, "Observation.code: system|code or the "
                                        + "code alone, comma-separated for any of several")
                                        .definedBy("http://hl7.org/fhir/SearchParameter/clinical-code")),
                        type("QuestionnaireResponse", "A completed Oswestry Disability Index or scored instrument "
                                + "(answers by item; skipped items left out)", "The day answered (authored)"),
                        type("MedicationStatement", "A medication intake the patient logged",
                                "When the dose was taken (effective)"),
                        type("RiskAssessment", "The STarT Back stratum of a result, as low, moderate (BackCare's "
                                + "medium) or high risk", "The day assessed (occurrence)")),
                true, TrackingCanonicals.all());
    }

    private static ServedType type(String type, String documentation, String date, SearchParam... more) {
        List<SearchParam> params = new ArrayList<>(List.of(
                SearchParam.patient("Patient/{id} or the id (also as subject); required unless the caller is an "
                        + "integrator or admin"),
                SearchParam.date(date), SearchParam.lastUpdated()));
        params.addAll(List.of(more));
        params.addAll(List.of(SearchParam.count(), SearchParam.offset()));
        return ServedType.readAndSearch(type, documentation, params.toArray(SearchParam[]::new));
    }
}
