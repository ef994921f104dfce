package org.backcare.plan.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.plan.plan.ReviewDueScheduler;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;

/** Every plan event type reaches Kafka through the outbox, in order, in the documented envelope. */
@QuarkusTest
class PlanEventsTest {

    @Inject
    ReviewDueScheduler reviews;

    @Test
    void everyEventTypeReachesKafka() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String id = patient.id().toString();
        String plan = Api.createPlan(physician, patient.id(), "inflammatory");
        LocalDate today = LocalDate.now();
        String naproxen = """
                {"drug": "naproxen", "dose": 500, "unit": "mg", "timesPerDay": 2, "startDate": "%s", "endDate": "%s"}"""
                .formatted(today, today.plusDays(9));
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "medications"))
                .body("{\"medications\": [" + naproxen + "]}").put("/plans/{id}/sections/medications", plan)
                .then().statusCode(200);
        String medicationId = as(physician).get("/plans/{id}/sections/medications", plan).then().extract()
                .path("content.medications[0].id");
        String changed = naproxen.replace("{\"drug\"", "{\"id\": \"" + medicationId + "\", \"drug\"").replace("\"dose\": 500", "\"dose\": 250");
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "medications"))
                .body("{\"medications\": [" + changed + "]}").put("/plans/{id}/sections/medications", plan)
                .then().statusCode(200);
        as(physician).header("If-Match", Api.sectionETag(physician, plan, "medications"))
                .body("{\"medications\": []}").put("/plans/{id}/sections/medications", plan).then().statusCode(200);
        Api.activate(physician, plan);
        String etag = as(physician).get("/plans/{id}", plan).then().extract().header("ETag");
        as(physician).header("If-Match", etag).body(Map.of("title", "Overdue", "reviewDate", today.minusDays(3).toString(),
                "reviewIntervalWeeks", 4)).put("/plans/{id}", plan).then().statusCode(200);
        assertThat(reviews.raiseDueReviews()).isGreaterThanOrEqualTo(1);
        // Raised once per overdue review, not on every pass.
        reviews.raiseDueReviews();

        List<Received> events = EventsTopic.eventsFor("plan-events", id, 12, Duration.ofSeconds(30));
        assertThat(events).extracting(Received::type).containsExactly(
                "PlanCreated",
                "PlanRevised", "MedicationPrescribed",
                "PlanRevised", "MedicationChanged",
                "PlanRevised", "MedicationStopped",
                "PlanStatusChanged", "PlanActivated",
                "PlanRevised",
                "PlanReviewDue");
        for (Received event : events) {
            JsonNode e = event.envelope();
            assertThat(e.get("version").asInt()).isEqualTo(1);
            assertThat(e.get("source").asText()).isEqualTo("plan-service");
            assertThat(e.get("patientId").asText()).isEqualTo(id);
            assertThat(e.get("data").get("planId").asText()).isEqualTo(plan);
        }
        JsonNode prescribed = events.get(2).envelope().get("data");
        assertThat(prescribed.get("medication").get("drug").asText()).isEqualTo("naproxen");
        assertThat(prescribed.get("drugClass").asText()).isEqualTo("nsaid");
        assertThat(events.get(4).envelope().get("data").get("medication").get("dose").asInt()).isEqualTo(250);
        JsonNode activated = events.get(8).envelope().get("data");
        assertThat(activated.get("plan").get("status").asText()).isEqualTo("active");
        assertThat(activated.get("plan").get("sections").get("exercises").get("content").get("exercises").size())
                .isGreaterThan(4);
        JsonNode due = events.get(10).envelope().get("data");
        assertThat(due.get("daysOverdue").asInt()).isEqualTo(3);
        assertThat(due.get("ownerSubject").asText()).isEqualTo(physician.subject());
    }
}
