package org.backcare.patient.testsupport;

import org.backcare.platform.testing.Users;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Small helpers around rest-assured for calling the patient API as one of the {@link Users}. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A complete, valid registration body; a fresh map so a test can change or remove fields. */
    public static Map<String, Object> newPatient() {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", "Anna");
        body.put("familyName", "Berg");
        body.put("birthDate", "1978-04-02");
        body.put("sex", "female");
        body.put("email", "anna.berg@example.org");
        body.put("phone", "+46 70 123 45 67");
        body.put("preferredLanguage", "sv");
        body.put("painOnsetDate", "2025-09-01");
        body.put("painType", "mechanical");
        body.put("painTypeRationale", "Flares with bending and long sitting");
        body.put("comorbidities", List.of("kidney-disease"));
        return body;
    }

    /** Registers a patient as {@code physician} (who thereby joins the care team) and returns its id. */
    public static String registerPatient(Users physician) {
        return registerPatient(physician, newPatient());
    }

    public static String registerPatient(Users physician, Map<String, Object> body) {
        return as(physician).body(body).post("/patients").then().statusCode(201).extract().path("id");
    }

    /** Registers a patient linked to {@code patient}'s login, with {@code physician} on the team. */
    public static String registerPatientFor(Users physician, Users patient) {
        Map<String, Object> body = newPatient();
        body.put("oidcSubject", patient.subject());
        return registerPatient(physician, body);
    }

    public static void addToCareTeam(Users physician, String patientId, Users member) {
        as(physician).body(Map.of("subject", member.subject(), "role", member.role(), "displayName", member.name()))
                .post("/patients/{id}/care-team", patientId).then().statusCode(201);
    }

    /** A screening body with every item answered no, except the named ones. */
    public static Map<String, Object> screening(String... positiveItems) {
        Map<String, Object> body = new HashMap<>();
        for (String item : List.of("newLegWeaknessOrProgressiveNumbness", "bowelOrBladderLossOrSaddleNumbness", "fever",
                "unexplainedWeightLoss", "historyOfCancer", "recentSignificantTrauma", "severeUnrelentingNightPain")) {
            body.put(item, List.of(positiveItems).contains(item));
        }
        return body;
    }
}
