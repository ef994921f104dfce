package org.backcare.plan.section;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.backcare.plan.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The medication section goes through the safety rules: rejected, warned until acknowledged, or accepted. */
@QuarkusTest
class MedicationSectionTest {

    private static final LocalDate START = LocalDate.now();

    private static String medications(String... prescriptions) {
        return "{\"medications\": [" + String.join(",", prescriptions) + "]}";
    }

    private static String naproxen(int days, String acknowledged) {
        return """
                {"drug": "naproxen", "dose": 500, "unit": "mg", "timesPerDay": 2, "startDate": "%s", "endDate": "%s",
                 "acknowledgedWarnings": [%s], "instructions": "Take with food"}"""
                .formatted(START, START.plusDays(days - 1), acknowledged);
    }

    @Test
    void aShortNsaidCourseIsAccepted() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "inflammatory");
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "medications"))
                .body(medications(naproxen(10, "")))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(200)
                .body("content.medications[0].id", notNullValue())
                .body("content.medications[0].drugClass", equalTo("nsaid"))
                .body("content.medications[0].dailyDose", equalTo(1000))
                .body("content.medications[0].maxDailyDose", equalTo(1500));
    }

    @Test
    void aDoseAboveTheMaximumIsRejectedEvenIfAcknowledged() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        String body = medications("""
                {"drug": "ibuprofen", "dose": 800, "unit": "mg", "timesPerDay": 6, "startDate": "%s", "endDate": "%s",
                 "acknowledgedWarnings": ["above-max-daily-dose"]}""".formatted(START, START.plusDays(5)));
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "medications")).body(body)
                .put("/plans/{id}/sections/medications", plan).then().statusCode(422)
                .contentType("application/problem+json")
                .body("issues[0].code", equalTo("above-max-daily-dose"))
                .body("issues[0].acknowledgeable", equalTo(false))
                .body("detail", containsString("4800 mg/day exceeds the maximum of 3200 mg/day"));
        as(physician).get("/plans/{id}/sections/medications", plan).then().body("content.medications", hasSize(0))
                .body("version", equalTo(0));
    }

    @Test
    void anNsaidForAPatientWithKidneyDiseaseNeedsExplicitAcknowledgement() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(Users.patient(), List.of("kidney-disease"), "inflammatory", physician);
        String plan = Api.createPlan(physician, patient.id(), "inflammatory");
        String tag = Api.sectionETag(physician, plan, "medications");
        as(physician).header("If-Match", tag).body(medications(naproxen(14, "")))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(422)
                .body("issues.code", hasItem("nsaid-kidney-disease"))
                .body("issues.code", hasItem("nsaid-longer-than-10-days"))
                .body("issues.findAll { it.acknowledgeable }.size()", equalTo(2))
                .body("detail", containsString("acknowledge"));
        as(physician).header("If-Match", tag)
                .body(medications(naproxen(14, "\"nsaid-kidney-disease\"")))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(422)
                .body("issues", hasSize(1)).body("issues[0].code", equalTo("nsaid-longer-than-10-days"));
        as(physician).header("If-Match", tag)
                .body(medications(naproxen(14, "\"nsaid-kidney-disease\", \"nsaid-longer-than-10-days\"")))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(200)
                .body("content.medications[0].acknowledgedWarnings", hasSize(2));
    }

    @Test
    void anOpioidNeedsAJustificationAndAReviewWithin90Days() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "complex");
        String tag = Api.sectionETag(physician, plan, "medications");
        String tramadol = """
                {"drug": "tramadol", "dose": 50, "unit": "mg", "timesPerDay": 2, "startDate": "%s", "endDate": "%s",
                 %s "acknowledgedWarnings": ["opioid"]}""";
        as(physician).header("If-Match", tag)
                .body(medications(tramadol.formatted(START, START.plusDays(14), "")))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(422)
                .body("issues.code", hasItem("opioid-needs-justification"))
                .body("issues.code", hasItem("opioid-needs-review-date"));
        as(physician).header("If-Match", tag)
                .body(medications(tramadol.formatted(START, START.plusDays(14),
                        "\"justification\": \"Short bridge after failed NSAID and duloxetine\", \"reviewDate\": \""
                                + START.plusDays(30) + "\",")))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(200);
    }

    @Test
    void twoDrugsOfOneClassWarnOnBoth() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "radicular");
        String gabapentinoids = medications("""
                {"drug": "gabapentin", "dose": 100, "unit": "mg", "timesPerDay": 1, "startDate": "%s"}""".formatted(START),
                """
                {"drug": "pregabalin", "dose": 75, "unit": "mg", "timesPerDay": 2, "startDate": "%s"}""".formatted(START));
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "medications")).body(gabapentinoids)
                .put("/plans/{id}/sections/medications", plan).then().statusCode(422)
                .body("issues.findAll { it.code == 'duplicate-class' }.drug", equalTo(List.of("gabapentin", "pregabalin")));
    }

    @Test
    void malformedPrescriptionsAreA400NamingTheField() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        String tag = Api.sectionETag(physician, plan, "medications");
        as(physician).header("If-Match", tag)
                .body(medications("{\"drug\": \"ibuprofen\", \"dose\": -1, \"unit\": \"mg\", \"timesPerDay\": 1, \"startDate\": \"" + START + "\"}"))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("medications[0].dose"));
        as(physician).header("If-Match", tag)
                .body(medications("{\"drug\": \"ibuprofen\", \"dose\": 200, \"unit\": \"mg\", \"timesPerDay\": 1}"))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("medications[0].startDate"));
        as(physician).header("If-Match", tag)
                .body(medications("{\"id\": \"6b1d0b7e-0000-4000-8000-000000000000\", \"drug\": \"ibuprofen\", \"dose\": 200, \"unit\": \"mg\", \"timesPerDay\": 1, \"startDate\": \"" + START + "\", \"endDate\": \"" + START + "\"}"))
                .put("/plans/{id}/sections/medications", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("medications[0].id"));
    }
}
