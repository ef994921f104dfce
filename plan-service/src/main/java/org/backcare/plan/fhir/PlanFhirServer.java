package org.backcare.plan.fhir;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backcare.platform.fhir.FhirServer;
import org.backcare.platform.fhir.FhirServer.SearchParam;
import org.backcare.platform.fhir.FhirServer.ServedType;

import java.util.List;

/**
 * What plan-service's FHIR API serves: the domain part of its CapabilityStatement (platform-fhir builds it), and its
 * own code systems (PlanCodeSystems), which FhirResource serves by id and by url.
 */
@Singleton
public class PlanFhirServer {

    @Produces
    @Singleton
    FhirServer fhirServer() {
        return describe();
    }

    public static FhirServer describe() {
        return new FhirServer("plan-service",
                "BackCare's multidisciplinary treatment plans (CarePlan) with their goals and prescriptions, "
                        + "read-only, with FHIR Bulk Data export for integrators.",
                "Patients read their own plans, clinicians those of the patients whose care team they are on, "
                        + "admins and integrators (client credentials) every plan.",
                List.of(type("CarePlan", "The treatment plan: goals and exercises/self-management as activities, "
                                + "prescriptions referenced", SearchParam.clinicalDate("The plan's period (start to the next "
                                + "review) meets the given date range")),
                        type("Goal", "A SMART goal of the plan (id {planId}-goal-{index})",
                                SearchParam.date("The goal's target due date")),
                        type("MedicationRequest", "A prescription of the plan, with maxDosePerPeriod from the formulary",
                                SearchParam.date("The prescription's validity (start to end date) meets the given "
                                        + "date range"))),
                true, PlanCodeSystems.all());
    }

    private static ServedType type(String type, String documentation, SearchParam date) {
        return ServedType.readAndSearch(type, documentation,
                SearchParam.clinicalPatient("Patient/{id}, or the id alone"), date,
                SearchParam.lastUpdated(), SearchParam.count(), SearchParam.offset());
    }
}
