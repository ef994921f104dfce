package org.backcare.plan.fhir;

import org.backcare.platform.fhir.Fhir;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.backcare.plan.fhir.FhirPlans.TestPlan;
import org.backcare.platform.testing.Users;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.fhir.FhirPlans.fhir;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The FHIR read and search API: resources as served pass HAPI's validator, access follows the JSON API. */
@QuarkusTest
class FhirApiTest {

    private static <T extends Resource> T parse(Class<T> type, Response response) {
        return Fhir.json().parseResource(type, response.asString());
    }

    @Test
    void everyResourceTypeIsServedAsValidFhirWithVersionAndETag() {
        TestPlan plan = FhirPlans.activePlan();
        Response read = fhir(plan.physician()).get("/fhir/CarePlan/{id}", plan.planId());
        read.then().statusCode(200).contentType(startsWith(Fhir.JSON));
        FhirValidation.assertValid(read.asString());
        CarePlan care = parse(CarePlan.class, read);
        assertThat(care.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(care.getText().getStatus().toCode()).as("a narrative made by HAPI's generator").isEqualTo("generated");
        assertThat(care.getText().getDivAsString()).startsWith("<div").contains("CarePlan", care.getTitle());
        assertThat(care.getSubject().getReference()).isEqualTo("Patient/" + plan.patient().id());
        assertThat(read.header("ETag")).isEqualTo("W/\"" + care.getMeta().getVersionId() + "\"");
        fhir(plan.physician()).header("If-None-Match", read.header("ETag")).get("/fhir/CarePlan/{id}", plan.planId())
                .then().statusCode(304).header("ETag", equalTo(read.header("ETag")));
        assertThat(care.getMeta().getLastUpdated()).isNotNull();
        assertThat(care.getGoal()).hasSize(2);
        List<String> references = new ArrayList<>(care.getGoal().stream().map(r -> r.getReference()).toList());
        care.getActivity().stream().filter(a -> a.hasReference()).forEach(a -> references.add(a.getReference().getReference()));
        assertThat(references).contains("Goal/" + plan.planId() + "-goal-0", "Goal/" + plan.planId() + "-goal-1",
                "MedicationRequest/" + plan.prescriptionIds().get(0), "MedicationRequest/" + plan.prescriptionIds().get(1));

        for (String reference : references) {
            Response each = fhir(plan.physician()).get("/fhir/" + reference);
            each.then().statusCode(200).header("ETag", startsWith("W/\""));
            FhirValidation.assertValid(each.asString());
        }
        Goal goal = parse(Goal.class, fhir(plan.physician()).get("/fhir/Goal/{id}", plan.planId() + "-goal-1"));
        assertThat(goal.getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.COMPLETED);
        MedicationRequest naproxen = parse(MedicationRequest.class,
                fhir(plan.physician()).get("/fhir/MedicationRequest/{id}", plan.prescriptionIds().get(0)));
        assertThat(naproxen.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);
        assertThat(naproxen.getDosageInstructionFirstRep().getMaxDosePerPeriod().getNumerator().getValue())
                .isEqualByComparingTo("1500");
        // application/json is served too.
        given().auth().oauth2(plan.physician().token()).accept("application/json")
                .get("/fhir/CarePlan/{id}", plan.planId()).then().statusCode(200).contentType(startsWith("application/json"))
                .body("resourceType", equalTo("CarePlan"));
    }

    @Test
    void readFollowsTheAccessRulesAndAnswersOperationOutcomes() {
        TestPlan plan = FhirPlans.activePlan();
        String path = "/fhir/CarePlan/" + plan.planId();
        fhir(plan.patient().patient()).get(path).then().statusCode(200);
        fhir(Users.admin()).get(path).then().statusCode(200);
        fhir(Users.integrator()).get(path).then().statusCode(200);
        for (Users stranger : List.of(Users.physician(), Users.physicalTherapist(), Users.psychologist(), Users.patient())) {
            Response refused = fhir(stranger).get(path);
            refused.then().statusCode(404).contentType(startsWith(Fhir.JSON)).body("resourceType", equalTo("OperationOutcome"))
                    .body("issue[0].code", equalTo("not-found"));
            FhirValidation.assertValid(refused.asString());
            fhir(stranger).get("/fhir/Goal/{id}", plan.planId() + "-goal-0").then().statusCode(404);
            fhir(stranger).get("/fhir/MedicationRequest/{id}", plan.prescriptionIds().get(0)).then().statusCode(404);
        }
        given().accept(Fhir.JSON).get(path).then().statusCode(401).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("login"));
        given().accept(Fhir.JSON).auth().oauth2("not-a-jwt").get(path).then().statusCode(401)
                .body("resourceType", equalTo("OperationOutcome"));
        fhir(plan.physician()).get("/fhir/CarePlan/not-a-uuid").then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
        fhir(plan.physician()).get("/fhir/Goal/{id}", plan.planId() + "-goal-9").then().statusCode(404);
        fhir(plan.physician()).get("/fhir/Observation/1").then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
        fhir(plan.physician()).get("/fhir/CarePlan?_count=many").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("invalid"));
        fhir(plan.physician()).get("/fhir/CarePlan?date=ap2026").then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
        fhir(plan.physician()).get("/fhir/CarePlan?patient=Patient/123").then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
        fhir(plan.physician()).delete(path).then().statusCode(405).body("resourceType", equalTo("OperationOutcome"));
        fhir(plan.physician()).get("/fhir/$export").then().statusCode(403).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("forbidden"));
    }

    @Test
    void searchByPatientDateAndLastUpdatedPagesWithNextLinks() {
        TestPlan plan = FhirPlans.activePlan();
        Users integrator = Users.integrator();
        String patient = "Patient/" + plan.patient().id();
        Response page1 = fhir(integrator).queryParam("patient", patient).queryParam("_count", 1).get("/fhir/Goal");
        page1.then().statusCode(200).contentType(startsWith(Fhir.JSON));
        FhirValidation.assertValid(page1.asString());
        Bundle first = parse(Bundle.class, page1);
        assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(first.getTotal()).isEqualTo(2);
        assertThat(first.getEntry()).hasSize(1);
        assertThat(first.getLink("self").getUrl()).contains("/fhir/Goal?");
        String next = first.getLink("next").getUrl();
        Bundle second = parse(Bundle.class, fhir(integrator).urlEncodingEnabled(false).get(next));
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getLink("next")).isNull();
        assertThat(List.of(first.getEntryFirstRep().getResource().getIdElement().getIdPart(),
                second.getEntryFirstRep().getResource().getIdElement().getIdPart()))
                .containsExactly(plan.planId() + "-goal-0", plan.planId() + "-goal-1");
        assertThat(first.getEntryFirstRep().getFullUrl()).endsWith("/fhir/Goal/" + plan.planId() + "-goal-0");

        LocalDate today = LocalDate.now();
        Bundle dueSoon = parse(Bundle.class, fhir(integrator).queryParam("patient", patient)
                .queryParam("date", "le" + today.plusWeeks(10)).get("/fhir/Goal"));
        assertThat(dueSoon.getTotal()).isEqualTo(1);
        Bundle running = parse(Bundle.class, fhir(integrator).queryParam("patient", plan.patient().id().toString())
                .queryParam("date", "ge" + today.plusDays(20)).get("/fhir/MedicationRequest"));
        assertThat(running.getTotal()).as("only the open-ended acetaminophen runs in 20 days").isEqualTo(1);
        assertThat(running.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(plan.prescriptionIds().get(1));
        Bundle carePlans = parse(Bundle.class, fhir(integrator).queryParam("patient", patient)
                .queryParam("date", "ge" + today).queryParam("date", "le" + today.plusDays(1)).get("/fhir/CarePlan"));
        assertThat(carePlans.getTotal()).isEqualTo(1);
        Response searched = fhir(integrator).queryParam("patient", patient).get("/fhir/MedicationRequest");
        FhirValidation.assertValid(searched.asString());
        assertThat(parse(Bundle.class, searched).getTotal()).isEqualTo(2);

        String future = Instant.now().plusSeconds(3600).toString();
        assertThat(parse(Bundle.class, fhir(integrator).queryParam("patient", patient).queryParam("_lastUpdated", "gt" + future)
                .get("/fhir/CarePlan")).getTotal()).isZero();
        assertThat(parse(Bundle.class, fhir(integrator).queryParam("patient", patient).queryParam("_lastUpdated", "lt" + future)
                .get("/fhir/CarePlan")).getTotal()).isEqualTo(1);
        assertThat(parse(Bundle.class, fhir(integrator).queryParam("_lastUpdated", "lt" + future).queryParam("_count", 0)
                .get("/fhir/CarePlan")).getTotal()).as("across patients").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSearchParameterThisServerDoesNotImplementIsA400NotAnUnfilteredAnswer() {
        TestPlan plan = FhirPlans.activePlan();
        String patient = "Patient/" + plan.patient().id();
        for (String[] parameter : new String[][]{{"patinet", patient}, {"_sort", "-date"}, {"_include", "CarePlan:goal"},
                {"_format", "xml"}}) {
            fhir(plan.physician()).queryParam(parameter[0], parameter[1]).get("/fhir/CarePlan").then().statusCode(400)
                    .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("not-supported"))
                    .body("issue[0].diagnostics", containsString(parameter[0].equals("_format") ? "JSON" : parameter[0]));
        }
        fhir(plan.physician()).queryParam("patient", patient).queryParam("_format", "json").get("/fhir/CarePlan")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void searchShowsOnlyWhatTheCallerMaySee() {
        TestPlan plan = FhirPlans.activePlan();
        String patient = "Patient/" + plan.patient().id();
        assertThat(parse(Bundle.class, fhir(plan.physician()).queryParam("patient", patient).get("/fhir/CarePlan")).getTotal())
                .isEqualTo(1);
        assertThat(parse(Bundle.class, fhir(plan.patient().patient()).get("/fhir/MedicationRequest")).getTotal())
                .as("a patient sees their own").isEqualTo(2);
        assertThat(parse(Bundle.class, fhir(Users.physician()).queryParam("patient", patient).get("/fhir/CarePlan")).getTotal())
                .as("a clinician not on the team sees nothing").isZero();
        assertThat(parse(Bundle.class, fhir(Users.patient()).get("/fhir/Goal")).getTotal()).isZero();
    }

    @Test
    void theCapabilityStatementIsPublicAndValid() {
        Response metadata = given().accept(Fhir.JSON).get("/fhir/metadata");
        metadata.then().statusCode(200).contentType(startsWith(Fhir.JSON));
        FhirValidation.assertValid(metadata.asString());
        CapabilityStatement cs = parse(CapabilityStatement.class, metadata);
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactly("CarePlan", "Goal", "MedicationRequest", "CodeSystem", "Patient");
        // Bulk Data as its IG declares it: the IG's CapabilityStatement, system and Patient-level export.
        assertThat(cs.getInstantiates()).extracting(i -> i.getValue())
                .containsExactly("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data");
        assertThat(cs.getRestFirstRep().getOperation()).extracting(o -> o.getName() + " " + o.getDefinition())
                .containsExactly("export http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
        CapabilityStatement.CapabilityStatementRestResourceComponent patient = cs.getRestFirstRep().getResource().get(4);
        assertThat(patient.getInteraction()).as("no Patient is served, only its export").isEmpty();
        assertThat(patient.getOperation()).extracting(o -> o.getName() + " " + o.getDefinition())
                .containsExactly("export http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
        assertThat(cs.getRestFirstRep().getSecurity().getServiceFirstRep().getCoding()).extracting(c -> c.getCode())
                .contains("SMART-on-FHIR");
        assertThat(cs.getRestFirstRep().getSecurity()
                .getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")
                .getExtensionByUrl("token").getValue().primitiveValue()).endsWith("/protocol/openid-connect/token");
    }

    @Test
    void theFormularyAndExerciseCatalogueResolveByIdAndUrlForAnyCaller() {
        TestPlan plan = FhirPlans.activePlan();
        CarePlan care = parse(CarePlan.class, fhir(plan.physician()).get("/fhir/CarePlan/{id}", plan.planId()));
        MedicationRequest rx = parse(MedicationRequest.class,
                fhir(plan.physician()).get("/fhir/MedicationRequest/{id}", plan.prescriptionIds().get(0)));

        for (Users caller : List.of(plan.patient().patient(), Users.integrator(), Users.of("receptionist"))) {
            Response read = fhir(caller).get("/fhir/CodeSystem/formulary");
            read.then().statusCode(200).contentType(startsWith(Fhir.JSON)).header("ETag", startsWith("W/\""));
            FhirValidation.assertValid(read.asString());
            CodeSystem formulary = parse(CodeSystem.class, read);
            assertThat(formulary.getUrl()).isEqualTo(PlanFhirMapper.FORMULARY_SYSTEM);
            assertThat(formulary.getText().getStatus().toCode()).isEqualTo("generated");
            // The code a served MedicationRequest uses is a concept of the served code system.
            Coding drug = rx.getMedicationCodeableConcept().getCodingFirstRep();
            assertThat(drug.getSystem()).isEqualTo(formulary.getUrl());
            assertThat(formulary.getConcept()).extracting(c -> c.getCode()).contains(drug.getCode());
        }

        Response searched = fhir(Users.integrator()).queryParam("url", PlanFhirMapper.EXERCISE_SYSTEM).get("/fhir/CodeSystem");
        searched.then().statusCode(200);
        FhirValidation.assertValid(searched.asString());
        Bundle bundle = parse(Bundle.class, searched);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getTotal()).isEqualTo(1);
        CodeSystem catalogue = (CodeSystem) bundle.getEntryFirstRep().getResource();
        assertThat(bundle.getEntryFirstRep().getFullUrl()).endsWith("/fhir/CodeSystem/exercise-catalogue");
        List<String> exercises = care.getActivity().stream().filter(a -> a.getDetail().hasCode())
                .map(a -> a.getDetail().getCode().getCodingFirstRep())
                .peek(c -> assertThat(c.getSystem()).isEqualTo(catalogue.getUrl()))
                .map(Coding::getCode).toList();
        assertThat(exercises).isNotEmpty();
        assertThat(catalogue.getConcept()).extracting(c -> c.getCode()).containsAll(exercises);
        assertThat(parse(Bundle.class, fhir(Users.integrator()).get("/fhir/CodeSystem")).getTotal()).isEqualTo(2);

        assertThat(fhir(Users.integrator()).get("/fhir/CodeSystem/opioids").statusCode()).isEqualTo(404);
        assertThat(fhir(Users.integrator()).queryParam("name", "formulary").get("/fhir/CodeSystem").statusCode())
                .isEqualTo(400);
        assertThat(given().accept(Fhir.JSON).get("/fhir/CodeSystem/formulary").statusCode()).isEqualTo(401);

        CapabilityStatement cs = parse(CapabilityStatement.class, given().accept(Fhir.JSON).get("/fhir/metadata"));
        assertThat(cs.getRestFirstRep().getResource()).filteredOn(r -> r.getType().equals("CodeSystem"))
                .singleElement().satisfies(r -> assertThat(r.getSearchParam()).extracting(p -> p.getName())
                        .containsExactly("url"));
    }

    @Test
    void operationOutcomesAreValid() {
        Response missing = fhir(Users.admin()).get("/fhir/CarePlan/00000000-0000-0000-0000-000000000000");
        missing.then().statusCode(404);
        FhirValidation.assertValid(missing.asString());
        assertThat(parse(OperationOutcome.class, missing).getIssueFirstRep().getSeverity())
                .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    }
}
