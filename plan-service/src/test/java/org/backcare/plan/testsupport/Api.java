package org.backcare.plan.testsupport;

import org.backcare.platform.testing.Users;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers around rest-assured for calling the plan API as one of the {@link Users}. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(Users user) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Creates a draft plan from a template and returns its id. */
    public static String createPlan(Users clinician, UUID patientId, String template) {
        return as(clinician).body(Map.of("title", "Back to gardening", "template", template))
                .post("/patients/{id}/plans", patientId).then().statusCode(201).extract().path("id");
    }

    /** The current ETag of one section. */
    public static String sectionETag(Users user, String planId, String kind) {
        return as(user).get("/plans/{id}/sections/{kind}", planId, kind).then().statusCode(200).extract().header("ETag");
    }

    public static void activate(Users physician, String planId) {
        as(physician).body(Map.of("status", "active")).post("/plans/{id}/status", planId).then().statusCode(200);
    }
}
