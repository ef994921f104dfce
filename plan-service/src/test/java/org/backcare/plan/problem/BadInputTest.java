package org.backcare.plan.problem;

import org.backcare.platform.problem.BodyLimit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;

/**
 * Bad input never stores anything and never fails on the server: it answers 4xx with an
 * {@code application/problem+json} document whose {@code detail} says what is wrong (listing the accepted values of
 * an unknown code) and whose {@code errors[].field} names the offending JSON field (as a path into the body, such as
 * {@code medications[0].dose} or {@code exercises[0].dose.sessionsPerWeek}) or query/path parameter.
 *
 * <p>Every case is sent into a fresh {@link Fixture}: a patient registered through the real patient-events consumer
 * with a physician on the care team (the physician may change every section, so only the input can be wrong), a
 * draft plan from the mechanical template (none for the plan-creation cases) and an admin who reads, before and
 * after, the whole plan with every section and its version, the revision history and the patient's list of plans.
 *
 * <p>Some of these tests fail against the service as of commit da481e4: they state the behaviour a clinic needs,
 * and the defects they expose were reported for a fix in main code. Do not relax them to make them pass.
 */
@QuarkusTest
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("goals", "exercises", "medications", "self-management",
            "flare-up", "assessments");
    private static final List<String> INSTRUMENTS = List.of("start-back", "phq-9", "gad-7", "pcs", "tsk-11", "pseq", "odi");
    private static final List<String> DISCIPLINES = List.of("physician", "physical-therapist", "psychologist");
    private static final List<String> TEMPLATES = List.of("mechanical", "inflammatory", "radicular", "complex", "none");
    private static final List<String> STATUSES = List.of("draft", "active", "on-hold", "completed", "discontinued");
    private static final List<String> FREQUENCIES = List.of("daily", "every-other-day", "weekly");
    private static final List<String> FLARE_UP_ACTIONS = List.of("relative-rest", "heat", "ice", "staple-exercises",
            "medication", "call");
    private static final List<String> GOAL_STATUSES = List.of("open", "achieved", "partly-achieved", "not-achieved",
            "dropped");
    /** Stands for "leave the field out" in {@link #edit}. */
    private static final Object REMOVE = new Object();

    // ------------------------------------------------------------------------------------------------------------
    // The tests, one per kind of bad input
    // ------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedJsonOrANonObjectBodyIsA400ProblemAndStoresNothing(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void aValueOfTheWrongJsonTypeIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownCodes")
    void anUnknownCodeIsA400ThatListsTheAcceptedValues(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownFields")
    void anUnknownFieldIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingRequiredFields")
    void aMissingRequiredFieldIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void anOutOfRangeValueIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorableOrAmbiguousValues")
    void aValueTheServiceCannotStoreOrReadUnambiguouslyIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notInTheCatalogue")
    void anExerciseOrPrescriptionThePlanDoesNotKnowIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUuids")
    void aMalformedUuidIsA400NamingTheParameter(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRevisionNumbers")
    void aMalformedRevisionNumberIsA400NamingTheParameter(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDates")
    void aMalformedDateForTodayIsA400NamingTheParameter(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPaging")
    void anOutOfRangeOrNonNumericPageIsA400NamingTheParameter(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFilters")
    void anUnknownFilterValueIsA400NamingTheParameter(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNotes")
    void aBadClinicalNoteRequestIsA400NamingTheFieldOrParameter(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedMediaTypes")
    void aBodyThatIsNotJsonIsA415Problem(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingBodies")
    void aMissingBodyIsA400ProblemAndStoresNothing(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedBodies")
    void aBodyLargerThan256KbIsA413Problem(BadInput input) {
        input.check();
    }

    /**
     * Without Content-Length (chunked transfer) the size is known only while the body streams in, and Vert.x ends
     * the exchange with a bare 413 before the application sees it: refused and nothing stored, but no problem
     * document (a known limit, see problem/BodyLimit).
     */
    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413AndStoresNothing() {
        Fixture f = new Fixture(true);
        Snapshot before = f.snapshot();
        String big = "x".repeat(300 * 1024);
        Response response = chunked(f.physician, "/plans/" + f.planId + "/sections/goals", f.sectionETag("goals"),
                edit(GOALS, "goals[0].what", big));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void noBadInputEverCausesAServerError() {
        List<String> serverErrors = new ArrayList<>();
        List<BadInput> all = everyBadInput().toList();
        for (BadInput input : all) {
            Response response = input.send.apply(new Fixture(input.withPlan));
            if (response.statusCode() >= 500) {
                serverErrors.add(input.name + " -> " + response.statusCode() + " " + response.asString());
            }
        }
        assertThat(all).hasSizeGreaterThan(280);
        assertThat(serverErrors).as("bad input answered with a server error").isEmpty();
    }

    /**
     * The control for the unknown-field cases: what the service itself answers for a section is not bad input.
     * A clinician's client reads a section, changes nothing and saves it: that must be accepted, or every client has
     * to know which fields of the service's own output to strip before saving.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"goals", "exercises", "medications", "self-management", "flare-up"})
    void aSectionReadAndSavedBackUnchangedIsNotBadInput(String kind) {
        Fixture f = new Fixture(true);
        if (kind.equals("medications")) {
            f.putSection("medications", MEDICATIONS).then().statusCode(200);
        }
        Response read = as(f.physician).get("/plans/{id}/sections/{kind}", f.planId, kind);
        read.then().statusCode(200);
        String content = json(read.jsonPath().getMap("content"));

        Response saved = as(f.physician).header("If-Match", read.header("ETag")).body(content)
                .put("/plans/{id}/sections/{kind}", f.planId, kind);

        assertThat(saved.statusCode()).as("saving the %s section as it was read answered %s %s", kind,
                saved.statusCode(), saved.asString()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Valid bodies: each bad input changes exactly one thing in one of these
    // ------------------------------------------------------------------------------------------------------------

    static final String NEW_PLAN = """
            {"title": "Back to gardening by spring", "template": "mechanical", "startDate": "%s",
             "reviewIntervalWeeks": 4}""".formatted(LocalDate.now());
    static final String PLAN_UPDATE = """
            {"title": "Back to gardening by May", "startDate": "%s", "reviewDate": "%s", "reviewIntervalWeeks": 6}"""
            .formatted(LocalDate.now(), LocalDate.now().plusWeeks(6));
    static final String STATUS = """
            {"status": "active", "reason": "Agreed with the patient at today's visit"}""";
    static final String GOALS = """
            {"goals": [{"what": "Walk 30 minutes", "measure": "Minutes walked without pain above 4/10",
              "target": "30 minutes, pain at most 4/10", "dueDate": "2027-02-01", "status": "open"}]}""";
    static final String EXERCISES = """
            {"exercises": [
               {"exercise": "bird-dog", "dose": {"sets": 2, "reps": 8, "holdSeconds": 5, "sessionsPerWeek": 7},
                "progressionRule": "Add 2 reps a week while pain stays at or below 3/10",
                "painMonitoring": {"stopIfPainRisesBy": 2, "stopAbovePain": 6}},
               {"exercise": "walking", "dose": {"minutes": 10, "sessionsPerWeek": 5}}],
             "notes": "15 minutes every day"}""";
    static final String MEDICATIONS = """
            {"medications": [{"drug": "naproxen", "dose": 500, "unit": "mg", "timesPerDay": 2, "asNeeded": false,
              "startDate": "%s", "endDate": "%s", "acknowledgedWarnings": [], "instructions": "Take with food"}],
             "notes": "Short course for the flare"}""".formatted(LocalDate.now(), LocalDate.now().plusDays(6));
    static final String SELF_MANAGEMENT = """
            {"pacing": [{"activity": "Walk", "minutes": 12, "frequency": "every-other-day",
                         "progression": "Add 2 minutes a week if pain settles within an hour"}],
             "sleep": {"bedtime": "22:30", "wakeTime": "06:30", "notes": "No screens for the last 30 minutes"},
             "stressPractices": [{"practice": "Box breathing", "minutes": 5, "frequency": "daily"}],
             "cbt": {"sessions": 6, "everyWeeks": 2, "focus": "Fear of movement"},
             "education": [{"module": "Why pain persists", "completed": false}]}""";
    static final String FLARE_UP = """
            {"steps": [{"action": "relative-rest", "instruction": "Reduce load for 1-2 days but keep moving gently"},
                       {"action": "heat", "instruction": "Heat pack for 20 minutes", "contact": null},
                       {"action": "call", "instruction": "Call if it is not settling after a week",
                        "contact": "Physical therapist, +46 8 123 456"}]}""";

    static final String ASSESSMENTS = """
            {"assessments": [{"instrument": "start-back", "discipline": "physical-therapist", "atWeeks": [0, 12]},
                             {"instrument": "phq-9", "discipline": "psychologist", "everyWeeks": 4}]}""";

    static String valid(String kind) {
        return switch (kind) {
            case "goals" -> GOALS;
            case "exercises" -> EXERCISES;
            case "medications" -> MEDICATIONS;
            case "self-management" -> SELF_MANAGEMENT;
            case "flare-up" -> FLARE_UP;
            case "assessments" -> ASSESSMENTS;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    // ------------------------------------------------------------------------------------------------------------
    // The catalogue of bad input
    // ------------------------------------------------------------------------------------------------------------

    static Stream<BadInput> everyBadInput() {
        return Stream.of(malformedBodies(), wrongTypes(), unknownCodes(), unknownFields(), missingRequiredFields(),
                outOfRange(), unstorableOrAmbiguousValues(), notInTheCatalogue(), badUuids(), badRevisionNumbers(), badDates(), badPaging(),
                badFilters(), badNotes(), unsupportedMediaTypes(), missingBodies(), oversizedBodies()).flatMap(s -> s);
    }

    static Stream<BadInput> malformedBodies() {
        List<BadInput> cases = new ArrayList<>(List.of(
                creating("POST /patients/{pid}/plans with truncated JSON", 400, null,
                        f -> f.create("{\"title\": \"Back to gardening\", \"template\": "), "JSON"),
                creating("POST /patients/{pid}/plans with a JSON array holding a valid plan", 400, null,
                        f -> f.create("[" + NEW_PLAN + "]"), "object"),
                creating("POST /patients/{pid}/plans with a JSON string", 400, null,
                        f -> f.create("\"Back to gardening\""), "object"),
                bad("PUT /plans/{id} with truncated JSON", 400, null,
                        f -> f.putPlan("{\"title\": \"Renamed\", "), "JSON"),
                bad("PUT /plans/{id} with a JSON array holding a valid update", 400, null,
                        f -> f.putPlan("[" + PLAN_UPDATE + "]"), "object"),
                bad("POST /plans/{id}/status with truncated JSON", 400, null,
                        f -> f.status("{\"status\": \"act"), "JSON"),
                bad("POST /plans/{id}/status with a JSON array", 400, null,
                        f -> f.status("[" + STATUS + "]"), "object"),
                bad("POST /plans/{id}/status with a JSON string", 400, null,
                        f -> f.status("\"active\""), "object")));
        for (String kind : KINDS) {
            String body = valid(kind);
            cases.add(bad("PUT sections/" + kind + " with truncated JSON", 400, null,
                    f -> f.putSection(kind, body.substring(0, body.length() / 2)), "JSON"));
            cases.add(bad("PUT sections/" + kind + " with a JSON array holding valid content", 400, null,
                    f -> f.putSection(kind, "[" + body + "]"), "object"));
            cases.add(bad("PUT sections/" + kind + " with a JSON number", 400, null,
                    f -> f.putSection(kind, "42"), "object"));
        }
        return cases.stream();
    }

    static Stream<BadInput> wrongTypes() {
        return Stream.of(
                creating("POST plans with startDate: 42", 400, "startDate",
                        f -> f.create(edit(NEW_PLAN, "startDate", 42))),
                creating("POST plans with reviewIntervalWeeks: \"four\"", 400, "reviewIntervalWeeks",
                        f -> f.create(edit(NEW_PLAN, "reviewIntervalWeeks", "four"))),
                creating("POST plans with reviewIntervalWeeks: 4.5 (not silently 4)", 400, "reviewIntervalWeeks",
                        f -> f.create(edit(NEW_PLAN, "reviewIntervalWeeks", 4.5))),
                creating("POST plans with title as an object", 400, "title",
                        f -> f.create(edit(NEW_PLAN, "title", Map.of("text", "Back to gardening")))),
                bad("PUT /plans/{id} with reviewDate: true", 400, "reviewDate",
                        f -> f.putPlan(edit(PLAN_UPDATE, "reviewDate", true))),
                bad("PUT /plans/{id} with reviewIntervalWeeks as a list", 400, "reviewIntervalWeeks",
                        f -> f.putPlan(edit(PLAN_UPDATE, "reviewIntervalWeeks", List.of(6)))),
                bad("PUT /plans/{id} with reviewDate 2027-02-30", 400, "reviewDate",
                        f -> f.putPlan(edit(PLAN_UPDATE, "reviewDate", "2027-02-30"))),
                bad("POST status with status as an object", 400, "status",
                        f -> f.status(edit(STATUS, "status", Map.of("code", "active")))),
                bad("PUT goals with goals as an object, not a list", 400, "goals",
                        f -> f.putSection("goals", "{\"goals\": " + json(firstItem(GOALS, "goals")) + "}")),
                bad("PUT goals with goals[0].dueDate: 20270201", 400, "goals[0].dueDate",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].dueDate", 20270201))),
                bad("PUT goals with goals[0].dueDate 2027-02-30", 400, "goals[0].dueDate",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].dueDate", "2027-02-30"))),
                bad("PUT goals with goals[0].what as a list", 400, "goals[0].what",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].what", List.of("Walk")))),
                bad("PUT exercises with exercises as a string", 400, "exercises",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises", "bird-dog"))),
                bad("PUT exercises with exercises[0].dose as an array", 400, "exercises[0].dose",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises[0].dose", List.of(2, 8)))),
                bad("PUT exercises with exercises[0].dose.sets: \"two\"", 400, "exercises[0].dose.sets",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises[0].dose.sets", "two"))),
                bad("PUT exercises with exercises[0].dose.sessionsPerWeek: 2.5 (not silently 2)", 400,
                        "exercises[0].dose.sessionsPerWeek",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises[0].dose.sessionsPerWeek", 2.5))),
                bad("PUT exercises with exercises[0].painMonitoring: 2", 400, "exercises[0].painMonitoring",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises[0].painMonitoring", 2))),
                bad("PUT medications with medications[0].dose: \"a lot\"", 400, "medications[0].dose",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].dose", "a lot"))),
                bad("PUT medications with medications[0].timesPerDay: 1.5 (not silently 1)", 400,
                        "medications[0].timesPerDay",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].timesPerDay", 1.5))),
                bad("PUT medications with medications[0].asNeeded: \"yes\"", 400, "medications[0].asNeeded",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].asNeeded", "yes"))),
                bad("PUT medications with medications[0].startDate: \"tomorrow\"", 400, "medications[0].startDate",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].startDate", "tomorrow"))),
                bad("PUT medications with medications[0].endDate 2026-02-30", 400, "medications[0].endDate",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].endDate", "2026-02-30"))),
                bad("PUT medications with acknowledgedWarnings as a string", 400,
                        "medications[0].acknowledgedWarnings",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].acknowledgedWarnings",
                                "nsaid-kidney-disease"))),
                bad("PUT medications with medications[0].id: \"not-a-uuid\"", 400, "medications[0].id",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].id", "not-a-uuid"))),
                bad("PUT self-management with pacing[0].minutes: \"twelve\"", 400, "pacing[0].minutes",
                        f -> f.putSection("self-management", edit(SELF_MANAGEMENT, "pacing[0].minutes", "twelve"))),
                bad("PUT self-management with sleep as a string", 400, "sleep",
                        f -> f.putSection("self-management", edit(SELF_MANAGEMENT, "sleep", "early"))),
                bad("PUT self-management with sleep.bedtime: \"25:00\"", 400, "sleep.bedtime",
                        f -> f.putSection("self-management", edit(SELF_MANAGEMENT, "sleep.bedtime", "25:00"))),
                bad("PUT self-management with education[0].completed: \"no\"", 400, "education[0].completed",
                        f -> f.putSection("self-management", edit(SELF_MANAGEMENT, "education[0].completed", "no"))),
                bad("PUT self-management with cbt.sessions: 6.5 (not silently 6)", 400, "cbt.sessions",
                        f -> f.putSection("self-management", edit(SELF_MANAGEMENT, "cbt.sessions", 6.5))),
                bad("PUT flare-up with steps as an object, not a list", 400, "steps",
                        f -> f.putSection("flare-up", "{\"steps\": " + json(firstItem(FLARE_UP, "steps")) + "}")),
                bad("PUT flare-up with steps[0].instruction as an object", 400, "steps[0].instruction",
                        f -> f.putSection("flare-up", edit(FLARE_UP, "steps[0].instruction",
                                Map.of("text", "Rest")))));
    }

    static Stream<BadInput> unknownCodes() {
        return Stream.of(
                creating("POST plans with template \"spicy\"", 400, "template",
                        f -> f.create(edit(NEW_PLAN, "template", "spicy")), TEMPLATES),
                creating("POST plans with template \"MECHANICAL\"", 400, "template",
                        f -> f.create(edit(NEW_PLAN, "template", "MECHANICAL")), TEMPLATES),
                bad("POST status with status \"paused\"", 400, "status",
                        f -> f.status(edit(STATUS, "status", "paused")), STATUSES),
                bad("POST status with status \"ACTIVE\"", 400, "status",
                        f -> f.status(edit(STATUS, "status", "ACTIVE")), STATUSES),
                bad("PUT assessments with instrument \"beck-depression\"", 400, "assessments[0].instrument",
                        f -> f.putSection("assessments", edit(ASSESSMENTS, "assessments[0].instrument", "beck-depression")),
                        INSTRUMENTS),
                bad("PUT assessments with instrument \"PHQ-9\"", 400, "assessments[1].instrument",
                        f -> f.putSection("assessments", edit(ASSESSMENTS, "assessments[1].instrument", "PHQ-9")),
                        INSTRUMENTS),
                bad("PUT assessments with discipline \"dietitian\"", 400, "assessments[0].discipline",
                        f -> f.putSection("assessments", edit(ASSESSMENTS, "assessments[0].discipline", "dietitian")),
                        DISCIPLINES),
                bad("GET /plans/{id}/sections/diet", 400, "kind",
                        f -> as(f.physician).get("/plans/{id}/sections/{kind}", f.planId, "diet"), KINDS),
                bad("PUT /plans/{id}/sections/diet", 400, "kind",
                        f -> as(f.physician).header("If-Match", "\"0\"").body(GOALS)
                                .put("/plans/{id}/sections/{kind}", f.planId, "diet"), KINDS),
                bad("GET /plans/{id}/sections/Goals", 400, "kind",
                        f -> as(f.physician).get("/plans/{id}/sections/{kind}", f.planId, "Goals"), KINDS),
                bad("PUT self-management with pacing[0].frequency \"hourly\"", 400, "pacing[0].frequency",
                        f -> f.putSection("self-management", edit(SELF_MANAGEMENT, "pacing[0].frequency", "hourly")),
                        FREQUENCIES),
                bad("PUT self-management with stressPractices[0].frequency \"hourly\"", 400,
                        "stressPractices[0].frequency",
                        f -> f.putSection("self-management",
                                edit(SELF_MANAGEMENT, "stressPractices[0].frequency", "hourly")), FREQUENCIES),
                bad("PUT flare-up with steps[1].action \"pray\"", 400, "steps[1].action",
                        f -> f.putSection("flare-up", edit(FLARE_UP, "steps[1].action", "pray")), FLARE_UP_ACTIONS),
                bad("PUT goals with goals[0].status \"done\"", 400, "goals[0].status",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].status", "done")), GOAL_STATUSES));
    }

    static Stream<BadInput> unknownFields() {
        return Stream.of(
                creating("POST plans with favouriteColour", 400, "favouriteColour",
                        f -> f.create(edit(NEW_PLAN, "favouriteColour", "blue")), List.of("favouriteColour")),
                creating("POST plans with status (set by the lifecycle, not writable)", 400, "status",
                        f -> f.create(edit(NEW_PLAN, "status", "active"))),
                creating("POST plans with patientId (taken from the path)", 400, "patientId",
                        f -> f.create(edit(NEW_PLAN, "patientId", UUID.randomUUID().toString()))),
                creating("POST plans with sections (changed through their own endpoints)", 400, "sections",
                        f -> f.create(edit(NEW_PLAN, "sections", Map.of()))),
                bad("PUT /plans/{id} with status (only through POST .../status)", 400, "status",
                        f -> f.putPlan(edit(PLAN_UPDATE, "status", "completed"))),
                bad("PUT /plans/{id} with template", 400, "template",
                        f -> f.putPlan(edit(PLAN_UPDATE, "template", "radicular"))),
                bad("PUT /plans/{id} with revision", 400, "revision",
                        f -> f.putPlan(edit(PLAN_UPDATE, "revision", 99))),
                bad("PUT /plans/{id} with ownerSubject", 400, "ownerSubject",
                        f -> f.putPlan(edit(PLAN_UPDATE, "ownerSubject", UUID.randomUUID().toString()))),
                bad("POST status with effectiveDate", 400, "effectiveDate",
                        f -> f.status(edit(STATUS, "effectiveDate", "2027-01-01"))),
                bad("PUT goals wrapped as the GET answer {kind, content}", 400, "kind",
                        f -> f.putSection("goals", "{\"kind\": \"goals\", \"content\": " + GOALS + "}")),
                bad("PUT goals with priority", 400, "priority",
                        f -> f.putSection("goals", edit(GOALS, "priority", "high"))),
                bad("PUT goals with goals[0].priority", 400, "goals[0].priority",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].priority", "high"))),
                bad("PUT exercises with exercises[0].dose.weightKg", 400, "exercises[0].dose.weightKg",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises[0].dose.weightKg", 5))),
                bad("PUT exercises with exercises[1].painMonitoring.stopIfSwelling", 400,
                        "exercises[1].painMonitoring.stopIfSwelling",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises[1].painMonitoring",
                                Map.of("stopIfSwelling", true)))),
                bad("PUT medications with medications[0].route", 400, "medications[0].route",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].route", "oral"))),
                bad("PUT self-management with diet", 400, "diet",
                        f -> f.putSection("self-management", edit(SELF_MANAGEMENT, "diet", List.of()))),
                bad("PUT self-management with pacing[0].distanceKm", 400, "pacing[0].distanceKm",
                        f -> f.putSection("self-management", edit(SELF_MANAGEMENT, "pacing[0].distanceKm", 2))),
                bad("PUT flare-up with steps[0].when", 400, "steps[0].when",
                        f -> f.putSection("flare-up", edit(FLARE_UP, "steps[0].when", "first day"))));
    }

    static Stream<BadInput> missingRequiredFields() {
        List<BadInput> cases = new ArrayList<>(List.of(
                creating("POST plans without title", 400, "title", f -> f.create(edit(NEW_PLAN, "title", REMOVE))),
                creating("POST plans with a blank title", 400, "title", f -> f.create(edit(NEW_PLAN, "title", "  "))),
                bad("POST status without status", 400, "status", f -> f.status(edit(STATUS, "status", REMOVE))),
                bad("POST status with status: null", 400, "status", f -> f.status(edit(STATUS, "status", null)))));
        for (String field : List.of("title", "reviewDate", "reviewIntervalWeeks")) {
            cases.add(bad("PUT /plans/{id} without " + field, 400, field,
                    f -> f.putPlan(edit(PLAN_UPDATE, field, REMOVE))));
        }
        // Each section: its list, each required field of an item, and a null item.
        Map<String, List<String>> required = Map.of(
                "goals", List.of("goals", "goals[0].what", "goals[0].measure", "goals[0].target", "goals[0].dueDate",
                        "goals[0].status"),
                "exercises", List.of("exercises", "exercises[0].exercise", "exercises[0].dose",
                        "exercises[0].dose.sessionsPerWeek"),
                "medications", List.of("medications", "medications[0].drug", "medications[0].dose",
                        "medications[0].unit", "medications[0].startDate"),
                "self-management", List.of("pacing", "stressPractices", "education", "pacing[0].activity",
                        "pacing[0].minutes", "pacing[0].frequency", "stressPractices[0].practice",
                        "stressPractices[0].minutes", "stressPractices[0].frequency", "cbt.sessions",
                        "cbt.everyWeeks", "education[0].module"),
                "flare-up", List.of("steps", "steps[0].action", "steps[0].instruction"),
                "assessments", List.of("assessments", "assessments[0].instrument", "assessments[0].discipline"));
        Map<String, String> lists = Map.of("goals", "goals", "exercises", "exercises", "medications", "medications",
                "self-management", "pacing", "flare-up", "steps", "assessments", "assessments");
        for (String kind : KINDS) {
            String body = valid(kind);
            for (String field : required.get(kind)) {
                cases.add(bad("PUT " + kind + " without " + field, 400, field,
                        f -> f.putSection(kind, edit(body, field, REMOVE))));
            }
            String list = lists.get(kind);
            cases.add(bad("PUT " + kind + " with " + list + "[0]: null", 400, list + "[0]",
                    f -> f.putSection(kind, edit(body, list + "[0]", null))));
            cases.add(bad("PUT " + kind + " with " + list + ": null", 400, list,
                    f -> f.putSection(kind, edit(body, list, null))));
        }
        cases.addAll(List.of(
                bad("PUT goals with a blank goals[0].what", 400, "goals[0].what",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].what", " "))),
                bad("PUT medications with a blank medications[0].drug", 400, "medications[0].drug",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].drug", ""))),
                bad("PUT flare-up with a blank steps[0].instruction", 400, "steps[0].instruction",
                        f -> f.putSection("flare-up", edit(FLARE_UP, "steps[0].instruction", "  "))),
                bad("PUT exercises with a dose that is only sessionsPerWeek (nothing measurable)", 400,
                        "exercises[1].dose", f -> f.putSection("exercises",
                                edit(EXERCISES, "exercises[1].dose", Map.of("sessionsPerWeek", 5))),
                        "sets and reps")));
        return cases.stream();
    }

    static Stream<BadInput> outOfRange() {
        List<BadInput> cases = new ArrayList<>();
        Object[][] exercises = {
                {"exercises[0].dose.sessionsPerWeek", 0}, {"exercises[0].dose.sessionsPerWeek", 15},
                {"exercises[1].dose.minutes", 0}, {"exercises[1].dose.minutes", 241},
                {"exercises[0].dose.sets", 0}, {"exercises[0].dose.reps", 101}, {"exercises[0].dose.holdSeconds", 601},
                {"exercises[0].painMonitoring.stopIfPainRisesBy", 11},
                {"exercises[0].painMonitoring.stopIfPainRisesBy", 0},
                {"exercises[0].painMonitoring.stopAbovePain", 11}, {"exercises[0].painMonitoring.stopAbovePain", -1}};
        for (Object[] c : exercises) {
            cases.add(bad("PUT exercises with " + c[0] + ": " + c[1], 400, (String) c[0],
                    f -> f.putSection("exercises", edit(EXERCISES, (String) c[0], c[1]))));
        }
        Object[][] assessments = {
                {"assessments[1].everyWeeks", 0}, {"assessments[1].everyWeeks", 53},
                {"assessments[0].atWeeks[1]", -1}, {"assessments[0].atWeeks[1]", 105}};
        for (Object[] c : assessments) {
            cases.add(bad("PUT assessments with " + c[0] + ": " + c[1], 400, (String) c[0],
                    f -> f.putSection("assessments", edit(ASSESSMENTS, (String) c[0], c[1]))));
        }
        Object[][] medications = {
                {"medications[0].dose", 0}, {"medications[0].dose", -500}, {"medications[0].dose", 1234567},
                {"medications[0].dose", 0.0001}, {"medications[0].timesPerDay", 0}, {"medications[0].timesPerDay", 25},
                {"medications[0].maxDosesPerDay", 25}};
        for (Object[] c : medications) {
            cases.add(bad("PUT medications with " + c[0] + ": " + c[1], 400, (String) c[0],
                    f -> f.putSection("medications", edit(MEDICATIONS, (String) c[0], c[1]))));
        }
        Object[][] selfManagement = {
                {"pacing[0].minutes", 0}, {"pacing[0].minutes", 481}, {"stressPractices[0].minutes", 121},
                {"cbt.sessions", 0}, {"cbt.sessions", 53}, {"cbt.everyWeeks", 9}};
        for (Object[] c : selfManagement) {
            cases.add(bad("PUT self-management with " + c[0] + ": " + c[1], 400, (String) c[0],
                    f -> f.putSection("self-management", edit(SELF_MANAGEMENT, (String) c[0], c[1]))));
        }
        for (int weeks : new int[] {0, 27}) {
            cases.add(creating("POST plans with reviewIntervalWeeks: " + weeks, 400, "reviewIntervalWeeks",
                    f -> f.create(edit(NEW_PLAN, "reviewIntervalWeeks", weeks))));
            cases.add(bad("PUT /plans/{id} with reviewIntervalWeeks: " + weeks, 400, "reviewIntervalWeeks",
                    f -> f.putPlan(edit(PLAN_UPDATE, "reviewIntervalWeeks", weeks))));
        }
        String goal = json(firstItem(GOALS, "goals"));
        cases.addAll(List.of(
                creating("POST plans with a 201-character title", 400, "title",
                        f -> f.create(edit(NEW_PLAN, "title", "t".repeat(201)))),
                bad("PUT /plans/{id} with a 201-character title", 400, "title",
                        f -> f.putPlan(edit(PLAN_UPDATE, "title", "t".repeat(201)))),
                bad("POST status with a 1001-character reason", 400, "reason",
                        f -> f.status(edit(STATUS, "reason", "r".repeat(1001)))),
                bad("PUT goals with 21 goals", 400, "goals",
                        f -> f.putSection("goals", "{\"goals\": [" + String.join(",", java.util.Collections.nCopies(21, goal)) + "]}")),
                bad("PUT goals with a 101-character goals[0].target", 400, "goals[0].target",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].target", "t".repeat(101)))),
                bad("PUT exercises with 2001-character notes", 400, "notes",
                        f -> f.putSection("exercises", edit(EXERCISES, "notes", "n".repeat(2001)))),
                bad("PUT flare-up with a 201-character steps[2].contact", 400, "steps[2].contact",
                        f -> f.putSection("flare-up", edit(FLARE_UP, "steps[2].contact", "c".repeat(201))))));
        return cases.stream();
    }

    /**
     * Values that parse but that PostgreSQL cannot hold (a NUL character in text or jsonb, a year beyond its date
     * range), numbers beyond a 32-bit integer, JSON nested deeper than any real body, and a key given twice (which
     * of two doses did the physician mean?). Each must be refused as the client's mistake, naming the field.
     */
    static Stream<BadInput> unstorableOrAmbiguousValues() {
        String farFuture = "+999999999-12-31";
        String deep = "{\"goals\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        return Stream.of(
                creating("POST plans with a NUL character in the title", 400, "title",
                        f -> f.create(edit(NEW_PLAN, "title", "Back to\u0000gardening"))),
                bad("PUT /plans/{id} with a NUL character in the title", 400, "title",
                        f -> f.putPlan(edit(PLAN_UPDATE, "title", "Back to\u0000gardening"))),
                bad("POST status with a NUL character in the reason", 400, "reason",
                        f -> f.status(edit(STATUS, "reason", "Agreed\u0000"))),
                bad("PUT goals with a NUL character in goals[0].what", 400, "goals[0].what",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].what", "Walk\u0000 30 minutes"))),
                bad("PUT medications with a NUL character in medications[0].instructions", 400,
                        "medications[0].instructions", f -> f.putSection("medications",
                                edit(MEDICATIONS, "medications[0].instructions", "Take with food\u0000"))),
                creating("POST plans with startDate " + farFuture, 400, "startDate",
                        f -> f.create(edit(NEW_PLAN, "startDate", farFuture))),
                bad("PUT /plans/{id} with reviewDate " + farFuture, 400, "reviewDate",
                        f -> f.putPlan(edit(PLAN_UPDATE, "reviewDate", farFuture))),
                bad("PUT /plans/{id} with startDate " + farFuture, 400, "startDate",
                        f -> f.putPlan(edit(PLAN_UPDATE, "startDate", farFuture))),
                creating("POST plans with reviewIntervalWeeks: 99999999999", 400, "reviewIntervalWeeks",
                        f -> f.create(NEW_PLAN.replace("\"reviewIntervalWeeks\": 4",
                                "\"reviewIntervalWeeks\": 99999999999"))),
                bad("PUT exercises with exercises[0].dose.sessionsPerWeek: 99999999999", 400,
                        "exercises[0].dose.sessionsPerWeek",
                        f -> f.putSection("exercises", EXERCISES.replace("\"sessionsPerWeek\": 7",
                                "\"sessionsPerWeek\": 99999999999"))),
                bad("PUT medications with medications[0].dose: 1e400", 400, "medications[0].dose",
                        f -> f.putSection("medications", MEDICATIONS.replace("\"dose\": 500", "\"dose\": 1e400"))),
                bad("PUT goals with JSON nested 5000 levels deep", 400, null,
                        f -> f.putSection("goals", deep), "JSON"),
                bad("PUT medications with medications[0].dose given twice (5000, then 500)", 400,
                        "medications[0].dose", f -> f.putSection("medications",
                                MEDICATIONS.replace("\"dose\": 500,", "\"dose\": 5000, \"dose\": 500,"))),
                // A goal or course ending in the year 99999 was stored as given.
                bad("PUT goals with goals[0].dueDate +99999-01-01", 400, "goals[0].dueDate",
                        f -> f.putSection("goals", edit(GOALS, "goals[0].dueDate", "+99999-01-01"))),
                bad("PUT medications with medications[0].endDate +99999-01-01", 400, "medications[0].endDate",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].endDate", "+99999-01-01"))),
                bad("PUT medications with medications[0].dose \"500\"", 400, "medications[0].dose",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].dose", "500"))),
                bad("PUT medications with medications[0].asNeeded 0", 400, "medications[0].asNeeded",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].asNeeded", 0))),
                bad("PUT medications with a warning acknowledged twice", 400, "medications[0].acknowledgedWarnings",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].acknowledgedWarnings",
                                List.of("nsaid-kidney-disease", "nsaid-kidney-disease"))), "twice"),
                bad("PUT /plans/{id} with a review date before the start date", 400, "reviewDate",
                        f -> f.putPlan(edit(edit(PLAN_UPDATE, "startDate", LocalDate.now().plusWeeks(2).toString()),
                                "reviewDate", LocalDate.now().plusWeeks(1).toString()))));
    }

    static Stream<BadInput> notInTheCatalogue() {
        return Stream.of(
                bad("PUT exercises with exercise \"handstand\"", 400, "exercises[0].exercise",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises[0].exercise", "handstand")),
                        "handstand", "catalogue"),
                bad("PUT exercises with a second exercise \"Bird-Dog\" (codes are exact)", 400, "exercises[1].exercise",
                        f -> f.putSection("exercises", edit(EXERCISES, "exercises[1].exercise", "Bird-Dog")),
                        "Bird-Dog", "catalogue"),
                bad("PUT medications with an id that is no prescription of this plan", 400, "medications[0].id",
                        f -> f.putSection("medications", edit(MEDICATIONS, "medications[0].id",
                                UUID.randomUUID().toString()))));
    }

    static Stream<BadInput> badUuids() {
        List<BadInput> cases = new ArrayList<>();
        for (String badId : List.of("not-a-uuid", "1-2-3-4-5", "12345")) {
            cases.addAll(List.of(
                    creating("POST /patients/" + badId + "/plans", 400, "patientId",
                            f -> as(f.physician).body(NEW_PLAN).post("/patients/{pid}/plans", badId), List.of(badId)),
                    bad("GET /patients/" + badId + "/plans", 400, "patientId",
                            f -> as(f.physician).get("/patients/{pid}/plans", badId), List.of(badId)),
                    bad("GET /patients/" + badId + "/plan/today", 400, "patientId",
                            f -> as(f.physician).get("/patients/{pid}/plan/today", badId), List.of(badId)),
                    bad("GET /plans/" + badId, 400, "id",
                            f -> as(f.physician).get("/plans/{id}", badId), List.of(badId)),
                    bad("PUT /plans/" + badId, 400, "id",
                            f -> as(f.physician).header("If-Match", "\"0\"").body(PLAN_UPDATE)
                                    .put("/plans/{id}", badId), List.of(badId)),
                    bad("POST /plans/" + badId + "/status", 400, "id",
                            f -> as(f.physician).body(STATUS).post("/plans/{id}/status", badId), List.of(badId)),
                    bad("GET /plans/" + badId + "/revisions", 400, "id",
                            f -> as(f.physician).get("/plans/{id}/revisions", badId), List.of(badId)),
                    bad("GET /plans/" + badId + "/revisions/1", 400, "id",
                            f -> as(f.physician).get("/plans/{id}/revisions/1", badId), List.of(badId)),
                    bad("GET /plans/" + badId + "/sections/goals", 400, "id",
                            f -> as(f.physician).get("/plans/{id}/sections/goals", badId), List.of(badId)),
                    bad("PUT /plans/" + badId + "/sections/goals", 400, "id",
                            f -> as(f.physician).header("If-Match", "\"0\"").body(GOALS)
                                    .put("/plans/{id}/sections/goals", badId), List.of(badId)),
                    bad("GET /audit-log?patientId=" + badId, 400, "patientId",
                            f -> as(f.admin).queryParam("patientId", badId).get("/audit-log"), List.of(badId))));
        }
        return cases.stream();
    }

    static Stream<BadInput> badRevisionNumbers() {
        return Stream.of("x", "1.5", "-1", "99999999999", "one").map(n ->
                bad("GET /plans/{id}/revisions/" + n, 400, "revision",
                        f -> as(f.physician).get("/plans/{id}/revisions/{n}", f.planId, n), List.of(n)));
    }

    static Stream<BadInput> badDates() {
        return Stream.of("tomorrow", "2026-02-30", "03/12/2026", "2026-12-03T10:00:00", "20261203").map(d ->
                bad("GET /patients/{pid}/plan/today?date=" + d, 400, "date",
                        f -> as(f.physician).queryParam("date", d).get("/patients/{pid}/plan/today", f.patientId),
                        List.of(d)));
    }

    static Stream<BadInput> badPaging() {
        List<BadInput> cases = new ArrayList<>();
        for (String path : List.of("/patients/{pid}/plans", "/plans", "/plans/{id}/revisions", "/audit-log",
                "/patients/{pid}/notes", "/notes/{note}/versions")) {
            for (String[] param : List.of(new String[] {"size", "0"}, new String[] {"size", "101"},
                    new String[] {"page", "-1"}, new String[] {"size", "abc"}, new String[] {"page", "1.5"})) {
                cases.add(bad("GET " + path + "?" + param[0] + "=" + param[1], 400, param[0],
                        f -> (path.equals("/audit-log") ? as(f.admin) : as(f.physician))
                                .queryParam(param[0], param[1])
                                .get(path.replace("{pid}", f.patientId).replace("{id}", f.planId)
                                        .replace("{note}", f.noteId))));
            }
        }
        return cases.stream();
    }

    static Stream<BadInput> badFilters() {
        return Stream.of(
                bad("GET /plans?status=paused", 400, "status",
                        f -> as(f.physician).queryParam("status", "paused").get("/plans"), STATUSES),
                bad("GET /plans?status=ACTIVE", 400, "status",
                        f -> as(f.physician).queryParam("status", "ACTIVE").get("/plans"), STATUSES),
                bad("GET /plans?reviewOverdue=yes (not silently false)", 400, "reviewOverdue",
                        f -> as(f.physician).queryParam("reviewOverdue", "yes").get("/plans")),
                bad("GET /plans?reviewOverdue=1 (not silently false)", 400, "reviewOverdue",
                        f -> as(f.physician).queryParam("reviewOverdue", "1").get("/plans")),
                bad("GET /audit-log?action=DELETE_EVERYTHING", 400, "action",
                        f -> as(f.admin).queryParam("action", "DELETE_EVERYTHING").get("/audit-log"),
                        List.of("PLAN_CREATE", "SECTION_UPDATE")),
                bad("GET /audit-log?from=yesterday", 400, "from",
                        f -> as(f.admin).queryParam("from", "yesterday").get("/audit-log")),
                bad("GET /audit-log?to=2026-13-01T00:00:00Z", 400, "to",
                        f -> as(f.admin).queryParam("to", "2026-13-01T00:00:00Z").get("/audit-log")));
    }

    /** Clinical notes: the kind, the text (1 to 10000 characters, mentions of the team only), ids and filters. */
    static Stream<BadInput> badNotes() {
        List<String> kinds = List.of("progress-note", "handover", "psychotherapy-note");
        List<BadInput> cases = new ArrayList<>(List.of(
                bad("POST notes with kind \"diary\"", 400, "kind",
                        f -> f.note(Map.of("kind", "diary", "text", "seen")), kinds),
                bad("POST notes with kind \"HANDOVER\"", 400, "kind",
                        f -> f.note(Map.of("kind", "HANDOVER", "text", "seen")), kinds),
                bad("POST notes without kind", 400, "kind", f -> f.note(Map.of("text", "seen"))),
                bad("POST notes without text", 400, "text", f -> f.note(Map.of("kind", "handover"))),
                bad("POST notes with empty text", 400, "text", f -> f.note(Map.of("kind", "handover", "text", ""))),
                bad("POST notes with blank text", 400, "text", f -> f.note(Map.of("kind", "handover", "text", "  \n "))),
                bad("POST notes with 10001 characters", 400, "text",
                        f -> f.note(Map.of("kind", "handover", "text", "x".repeat(10_001)))),
                bad("POST notes mentioning someone off the team", 400, "text",
                        f -> f.note(Map.of("kind", "handover", "text", "see @[Stranger](stranger-subject)")),
                        "stranger-subject"),
                bad("PUT /notes/{id} with empty text", 400, "text", f -> f.amend(Map.of("text", ""))),
                bad("PUT /notes/{id} with 10001 characters", 400, "text",
                        f -> f.amend(Map.of("text", "x".repeat(10_001)))),
                bad("PUT /notes/{id} mentioning someone off the team", 400, "text",
                        f -> f.amend(Map.of("text", "see @[Stranger](stranger-subject)")), "stranger-subject"),
                bad("PUT /notes/{id} with an unknown field", 400, "kind",
                        f -> f.amend(Map.of("text", "seen", "kind", "handover"))),
                bad("GET /patients/{pid}/notes?kind=diary", 400, "kind",
                        f -> as(f.physician).queryParam("kind", "diary").get("/patients/{pid}/notes", f.patientId),
                        kinds)));
        for (String badId : List.of("not-a-uuid", "12345")) {
            cases.addAll(List.of(
                    bad("POST /patients/" + badId + "/notes", 400, "patientId",
                            f -> as(f.physician).body(Map.of("kind", "handover", "text", "seen"))
                                    .post("/patients/{pid}/notes", badId), List.of(badId)),
                    bad("GET /patients/" + badId + "/notes", 400, "patientId",
                            f -> as(f.physician).get("/patients/{pid}/notes", badId), List.of(badId)),
                    bad("GET /notes/" + badId, 400, "id", f -> as(f.physician).get("/notes/{id}", badId), List.of(badId)),
                    bad("PUT /notes/" + badId, 400, "id", f -> as(f.physician).header("If-Match", "\"1\"")
                            .body(Map.of("text", "seen")).put("/notes/{id}", badId), List.of(badId)),
                    bad("GET /notes/" + badId + "/versions", 400, "id",
                            f -> as(f.physician).get("/notes/{id}/versions", badId), List.of(badId))));
        }
        return cases.stream();
    }

    static Stream<BadInput> unsupportedMediaTypes() {
        List<BadInput> cases = new ArrayList<>(List.of(
                creating("POST plans as text/plain", 415, null,
                        f -> as(f.physician).contentType(ContentType.TEXT).body(NEW_PLAN)
                                .post("/patients/{pid}/plans", f.patientId), List.of("application/json")),
                creating("POST plans as application/xml", 415, null,
                        f -> as(f.physician).contentType(ContentType.XML).body("<plan/>")
                                .post("/patients/{pid}/plans", f.patientId), List.of("application/json")),
                bad("PUT /plans/{id} as text/plain", 415, null,
                        f -> as(f.physician).contentType(ContentType.TEXT).header("If-Match", f.planETag())
                                .body(PLAN_UPDATE).put("/plans/{id}", f.planId), List.of("application/json")),
                bad("POST status as text/plain", 415, null,
                        f -> as(f.physician).contentType(ContentType.TEXT).body(STATUS)
                                .post("/plans/{id}/status", f.planId), List.of("application/json"))));
        for (String kind : KINDS) {
            cases.add(bad("PUT sections/" + kind + " as text/plain", 415, null,
                    f -> as(f.physician).contentType(ContentType.TEXT).header("If-Match", f.sectionETag(kind))
                            .body(valid(kind)).put("/plans/{id}/sections/{kind}", f.planId, kind),
                    List.of("application/json")));
        }
        cases.add(bad("PUT sections/goals as a form", 415, null,
                f -> as(f.physician).contentType(ContentType.URLENC).header("If-Match", f.sectionETag("goals"))
                        .body("goals=walk").put("/plans/{id}/sections/goals", f.planId), List.of("application/json")));
        return cases.stream();
    }

    /** The detail must say that the body is missing, not name a Java parameter the client never saw. */
    static Stream<BadInput> missingBodies() {
        List<BadInput> cases = new ArrayList<>(List.of(
                creating("POST plans without a body", 400, null,
                        f -> as(f.physician).post("/patients/{pid}/plans", f.patientId), "body"),
                creating("POST plans with JSON null", 400, null, f -> f.create("null"), "body"),
                bad("PUT /plans/{id} without a body", 400, null,
                        f -> as(f.physician).header("If-Match", f.planETag()).put("/plans/{id}", f.planId), "body"),
                bad("POST status without a body", 400, null,
                        f -> as(f.physician).post("/plans/{id}/status", f.planId), "body"),
                bad("POST status with JSON null", 400, null, f -> f.status("null"), "body")));
        for (String kind : KINDS) {
            cases.add(bad("PUT sections/" + kind + " without a body", 400, null,
                    f -> as(f.physician).header("If-Match", f.sectionETag(kind))
                            .put("/plans/{id}/sections/{kind}", f.planId, kind), "JSON object"));
            cases.add(bad("PUT sections/" + kind + " with JSON null", 400, null,
                    f -> f.putSection(kind, "null"), "JSON object"));
        }
        return cases.stream();
    }

    static Stream<BadInput> oversizedBodies() {
        String big = "x".repeat(300 * 1024);
        List<BadInput> cases = new ArrayList<>(List.of(
                creating("POST plans with a 300 KB body", 413, null,
                        f -> f.create(edit(NEW_PLAN, "title", big))),
                bad("PUT /plans/{id} with a 300 KB body", 413, null,
                        f -> f.putPlan(edit(PLAN_UPDATE, "title", big))),
                bad("POST status with a 300 KB body", 413, null,
                        f -> f.status(edit(STATUS, "reason", big)))));
        Map<String, String> textField = Map.of("goals", "goals[0].what", "exercises", "notes",
                "medications", "notes", "self-management", "cbt.focus", "flare-up", "steps[0].instruction",
                "assessments", "assessments[0].instrument");
        for (String kind : KINDS) {
            cases.add(bad("PUT sections/" + kind + " with a 300 KB body", 413, null,
                    f -> f.putSection(kind, edit(valid(kind), textField.get(kind), big))));
        }
        return cases.stream();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Support
    // ------------------------------------------------------------------------------------------------------------

    /** One bad request, what it must answer, and the words its detail must contain. */
    record BadInput(String name, int status, String field, boolean withPlan, Function<Fixture, Response> send,
                    List<String> mentions) {

        @Override
        public String toString() {
            return name;
        }

        void check() {
            Fixture f = new Fixture(withPlan);
            Snapshot before = f.snapshot();
            Response response = send.apply(f);
            String body = response.asString();
            String what = name + " answered " + response.statusCode() + " " + response.contentType() + " "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);

            assertThat(response.statusCode()).as(what).isEqualTo(status);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            JsonPath problem = response.jsonPath();
            assertThat(problem.getInt("status")).as(what).isEqualTo(status);
            String detail = problem.getString("detail");
            assertThat(detail).as(what).isNotBlank();
            for (String mention : mentions) {
                assertThat(detail.toLowerCase(Locale.ROOT)).as(what + ": detail mentions " + mention)
                        .contains(mention.toLowerCase(Locale.ROOT));
            }
            if (field != null) {
                List<String> fields = problem.getList("errors.field", String.class);
                assertThat(fields).as(what + ": errors[].field names " + field).isNotNull()
                        .anySatisfy(named -> assertThat(named).matches(Pattern.quote(field) + "(\\[\\d+])?"));
                assertThat(detail).as(what + ": detail names the field").contains(field);
            }
            assertThat(f.snapshot()).as(name + ": nothing was stored").isEqualTo(before);
        }
    }

    static BadInput bad(String name, int status, String field, Function<Fixture, Response> send, String... mentions) {
        return new BadInput(name, status, field, true, send, Arrays.asList(mentions));
    }

    static BadInput bad(String name, int status, String field, Function<Fixture, Response> send,
                        List<String> mentions) {
        return new BadInput(name, status, field, true, send, mentions);
    }

    /** A case for plan creation: its fixture's patient has no plan yet, so a valid request would create one. */
    static BadInput creating(String name, int status, String field, Function<Fixture, Response> send,
                             String... mentions) {
        return new BadInput(name, status, field, false, send, Arrays.asList(mentions));
    }

    static BadInput creating(String name, int status, String field, Function<Fixture, Response> send,
                             List<String> mentions) {
        return new BadInput(name, status, field, false, send, mentions);
    }

    /** Everything bad input could have changed, as an admin sees it. */
    record Snapshot(Map<String, Object> plan, int revisions, int plansOfPatient, Map<String, Object> note,
                    int notesOfPatient) {
    }

    /** A physician on a fresh patient's care team, a draft plan (unless {@code withPlan} is false) and an admin. */
    static final class Fixture {
        final Users physician = Users.physician();
        final Users admin = Users.admin();
        final String patientId;
        final String planId;
        /** A progress note by the physician. */
        final String noteId;

        Fixture(boolean withPlan) {
            UUID patient = PatientEvents.registered(Users.patient(), List.of(), "mechanical", physician).id();
            patientId = patient.toString();
            planId = withPlan ? Api.createPlan(physician, patient, "mechanical") : UUID.randomUUID().toString();
            noteId = as(physician).body(Map.of("kind", "progress-note", "text", "first visit"))
                    .post("/patients/{pid}/notes", patientId).then().statusCode(201).extract().path("id");
        }

        Response note(Map<String, Object> body) {
            return as(physician).body(body).post("/patients/{pid}/notes", patientId);
        }

        /** PUT /notes/{id} by its author with the current ETag, so only the body can be wrong. */
        Response amend(Map<String, Object> body) {
            String etag = as(physician).get("/notes/{id}", noteId).then().extract().header("ETag");
            return as(physician).header("If-Match", etag).body(body).put("/notes/{id}", noteId);
        }

        String planETag() {
            Response r = as(admin).get("/plans/{id}", planId);
            return r.statusCode() == 200 ? r.header("ETag") : "\"0\"";
        }

        String sectionETag(String kind) {
            Response r = as(admin).get("/plans/{id}/sections/{kind}", planId, kind);
            return r.statusCode() == 200 ? r.header("ETag") : "\"0\"";
        }

        Response create(String body) {
            return as(physician).body(body).post("/patients/{pid}/plans", patientId);
        }

        /** PUT /plans/{id} with the current ETag, so only the body can be wrong. */
        Response putPlan(String body) {
            return as(physician).header("If-Match", planETag()).body(body).put("/plans/{id}", planId);
        }

        Response status(String body) {
            return as(physician).body(body).post("/plans/{id}/status", planId);
        }

        /** PUT a section with its current ETag, so only the body can be wrong. */
        Response putSection(String kind, String body) {
            return as(physician).header("If-Match", sectionETag(kind)).body(body)
                    .put("/plans/{id}/sections/{kind}", planId, kind);
        }

        Snapshot snapshot() {
            Map<String, Object> plan = null;
            int revisions = 0;
            Response read = as(admin).get("/plans/{id}", planId);
            if (read.statusCode() == 200) {
                plan = read.jsonPath().getMap("$");
                revisions = as(admin).get("/plans/{id}/revisions", planId).then().statusCode(200)
                        .extract().path("total");
            }
            int plans = as(admin).get("/patients/{pid}/plans", patientId).then().statusCode(200)
                    .extract().path("total");
            Map<String, Object> note = as(admin).get("/notes/{id}", noteId).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            int notes = as(admin).get("/patients/{pid}/notes", patientId).then().statusCode(200)
                    .extract().path("total");
            return new Snapshot(plan, revisions, plans, note, notes);
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    /**
     * A copy of the JSON object {@code json} with the value at {@code path} (such as
     * {@code exercises[0].dose.sessionsPerWeek}) replaced by {@code value} ({@code null} for JSON null) or removed
     * ({@link #REMOVE}).
     */
    static String edit(String json, String path, Object value) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Object> segments = new ArrayList<>();
            Matcher m = SEGMENT.matcher(path);
            while (m.find()) {
                segments.add(m.group(1) != null ? m.group(1) : (Object) Integer.parseInt(m.group(2)));
            }
            JsonNode parent = root;
            for (Object segment : segments.subList(0, segments.size() - 1)) {
                parent = segment instanceof Integer i ? parent.get(i) : parent.get((String) segment);
            }
            Object last = segments.get(segments.size() - 1);
            JsonNode node = value == null ? JSON.nullNode() : value == REMOVE ? null : JSON.valueToTree(value);
            if (last instanceof Integer i) {
                ((ArrayNode) parent).set(i, node == null ? JSON.nullNode() : node);
            } else if (node == null) {
                ((ObjectNode) parent).remove((String) last);
            } else {
                ((ObjectNode) parent).set((String) last, node);
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PUT with {@code Transfer-Encoding: chunked} (java.net.http sends a stream of unknown length that way), so the
     * server learns the size only while reading. A connection closed before any answer is status 0.
     */
    static Response chunked(Users user, String path, String ifMatch, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            return new ResponseBuilder().setStatusCode(answer.statusCode())
                    .setContentType(answer.headers().firstValue("Content-Type").orElse(""))
                    .setBody(answer.body()).build();
        } catch (IOException e) {
            return new ResponseBuilder().setStatusCode(0).setContentType("").setBody(e.toString()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode firstItem(String json, String list) {
        try {
            return JSON.readTree(json).get(list).get(0);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
