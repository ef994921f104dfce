package org.backcare.plan.fhir;

import org.backcare.platform.fhir.Fhir;
import io.restassured.specification.RequestSpecification;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.backcare.plan.testsupport.Api.as;

/** Test plans with goals and medications, made through the JSON API, and FHIR requests as a test user. */
public final class FhirPlans {

    private FhirPlans() {
    }

    /** A patient, their physician and an active plan with two goals and two prescriptions. */
    public record TestPlan(TestPatient patient, Users physician, String planId, List<String> prescriptionIds) {
    }

    public static RequestSpecification fhir(Users user) {
        return given().auth().oauth2(user.token()).accept(Fhir.JSON);
    }

    public static TestPlan activePlan() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        LocalDate start = LocalDate.now();
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "goals")).body("""
                {"goals": [{"what": "Walk 30 minutes", "measure": "Minutes walked without pain above 4/10",
                            "target": "30 minutes, pain at most 4/10", "dueDate": "%s", "status": "open"},
                           {"what": "Garden for an hour", "measure": "Minutes gardening", "target": "60 minutes",
                            "dueDate": "%s", "status": "achieved"}]}"""
                .formatted(start.plusWeeks(8), start.plusWeeks(12)))
                .put("/plans/{id}/sections/goals", plan).then().statusCode(200);
        List<String> ids = as(physician).header("If-Match", Api.sectionETag(physician, plan, "medications")).body("""
                {"medications": [
                  {"drug": "naproxen", "dose": 500, "unit": "mg", "timesPerDay": 2, "startDate": "%s", "endDate": "%s",
                   "instructions": "Take with food"},
                  {"drug": "acetaminophen", "dose": 1000, "unit": "mg", "asNeeded": true, "maxDosesPerDay": 3,
                   "startDate": "%s"}]}""".formatted(start, start.plusDays(9), start))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(200)
                .extract().path("content.medications.id");
        Api.activate(physician, plan);
        return new TestPlan(patient, physician, plan, ids);
    }
}
