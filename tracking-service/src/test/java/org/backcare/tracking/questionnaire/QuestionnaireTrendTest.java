package org.backcare.tracking.questionnaire;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.backcare.platform.testing.Users;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.tracking.testsupport.PatientEvents.TestPatient;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;

/** GET /patients/{id}/questionnaires/{instrument}/trend: the score series a clinician reads, judged by the MCID. */
@QuarkusTest
class QuestionnaireTrendTest {

    private static final String RESULTS = "/patients/{id}/questionnaires/{instrument}";
    private static final String TREND = RESULTS + "/trend";

    @Test
    void aPhq9SeriesShowsItsResultsOldestFirstAndIsWorseByTheMcid() {
        Users patientLogin = Users.patient();
        Users psychologist = Users.psychologist();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician(),
                psychologist);
        String first = post(patientLogin, patient, "phq-9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)); // 8, mild
        post(patientLogin, patient, "phq-9", List.of(2, 2, 2, 2, 2, 2, 1, 1, 0)); // 14, moderate
        String latest = post(patientLogin, patient, "phq-9", List.of(2, 2, 2, 2, 1, 1, 1, 1, 0)); // 12
        post(patientLogin, patient, "gad-7", List.of(3, 3, 3, 3, 3, 3, 3)); // another instrument: not in the series

        JsonPath trend = as(psychologist).get(TREND, patient.id(), "phq-9").then().statusCode(200).extract().jsonPath();
        LocalDate today = LocalDate.now();
        assertThat(trend.getString("instrument")).isEqualTo("phq-9");
        assertThat(trend.getString("to")).isEqualTo(today.toString());
        assertThat(trend.getString("from")).isEqualTo(today.minusMonths(12).toString());
        assertThat(trend.getInt("mcidPoints")).isEqualTo(5);
        assertThat(trend.getList("results.score", Integer.class)).containsExactly(8, 14, 12);
        assertThat(trend.getList("results.band", String.class)).containsExactly("mild", "moderate", "moderate");
        assertThat(trend.getString("results[0].questionnaireId")).isEqualTo(first);
        assertThat(trend.getString("results[2].questionnaireId")).isEqualTo(latest);
        assertThat(trend.getInt("sinceFirst.points")).isEqualTo(4);
        assertThat(trend.getBoolean("sinceFirst.clinicallyImportant")).as("4 is just below the MCID of 5").isFalse();
        assertThat(trend.getString("sinceFirst.direction")).isEqualTo("worse");
        assertThat(trend.getInt("sincePrevious.points")).isEqualTo(-2);
        assertThat(trend.getString("sincePrevious.direction")).isEqualTo("better");
        assertThat(trend.getString("verdict")).isEqualTo("unchanged");

        post(patientLogin, patient, "phq-9", List.of(2, 2, 2, 2, 2, 1, 1, 1, 0)); // 13: 5 above the first
        JsonPath worse = as(patientLogin).get(TREND, patient.id(), "phq-9").then().statusCode(200).extract().jsonPath();
        assertThat(worse.getBoolean("sinceFirst.clinicallyImportant")).isTrue();
        assertThat(worse.getString("verdict")).isEqualTo("worse");

        // A window before any result is empty, without a verdict.
        JsonPath empty = as(patientLogin).queryParam("from", today.minusYears(2).toString())
                .queryParam("to", today.minusYears(1).toString()).get(TREND, patient.id(), "phq-9")
                .then().statusCode(200).extract().jsonPath();
        assertThat(empty.getList("results")).isEmpty();
        assertThat(empty.getString("verdict")).isNull();
        assertThat(empty.getString("sinceFirst")).isNull();
    }

    @Test
    void aPseqGoingUpByTheMcidIsBetter() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        post(patientLogin, patient, "pseq", List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3)); // 30
        post(patientLogin, patient, "pseq", List.of(4, 4, 4, 4, 4, 4, 3, 3, 3, 3)); // 36
        JsonPath trend = as(patientLogin).get(TREND, patient.id(), "pseq").then().statusCode(200).extract().jsonPath();
        assertThat(trend.getBoolean("higherIsWorse")).isFalse();
        assertThat(trend.getInt("sinceFirst.points")).isEqualTo(6);
        assertThat(trend.getString("verdict")).isEqualTo("better");
    }

    private static String post(Users user, TestPatient patient, String instrument, List<Integer> answers) {
        return as(user).body(Map.of("answers", answers)).post(RESULTS, patient.id(), instrument).then().statusCode(201)
                .extract().path("id");
    }
}
