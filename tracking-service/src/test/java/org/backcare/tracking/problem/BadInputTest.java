package org.backcare.tracking.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.backcare.tracking.testsupport.Api;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;

/**
 * Bad input never stores anything and never fails on the server: it answers 4xx with an
 * {@code application/problem+json} document whose {@code detail} says what is wrong (listing the accepted values of
 * an unknown code) and whose {@code errors[].field} names the offending field or parameter.
 *
 * <p>Every case is sent into a fresh {@link Fixture}: a patient registered through the real patient-events consumer
 * with a physician on the care team, and an admin who reads, before and after, the patient's timeline (every
 * check-in, exercise session, medication intake, flare-up, questionnaire and alert), check-ins and questionnaires.
 * Cases are sent by the patient (the app) unless a clinician's or admin's call is the point.
 *
 * <p>These tests state the behaviour a clinic needs. A failing case is a defect to fix in main code: do not relax
 * the case to make it pass.
 */
@QuarkusTest
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String CHECK_IN = "/patients/{id}/check-ins/{day}";
    private static final String EXERCISE = "/patients/{id}/exercise-sessions";
    private static final String INTAKE = "/patients/{id}/medication-intakes";
    private static final String FLARE_UP = "/patients/{id}/flare-ups";
    private static final String ODI = "/patients/{id}/questionnaires/odi";
    private static final String TIMELINE = "/patients/{id}/timeline";
    private static final String TRENDS = "/patients/{id}/trends";
    private static final String RESULTS = "/patients/{id}/questionnaires/{instrument}";
    private static final String INSTRUMENT_TREND = RESULTS + "/trend";
    private static final String PHQ9_ZEROS = "{\"answers\": [0, 0, 0, 0, 0, 0, 0, 0, 0]}";
    private static final List<String> INSTRUMENTS = List.of("start-back", "phq-9", "gad-7", "pcs", "tsk-11", "pseq");
    private static final List<String> PAIN_CHARACTERS = List.of("aching", "burning", "shooting", "stabbing",
            "electric", "tingling");
    private static final List<String> LOCATIONS = List.of("lower-back", "upper-back", "neck", "buttock-left",
            "buttock-right", "leg-left", "leg-right", "hip-left", "hip-right");
    private static final List<String> FACTORS = List.of("sitting", "standing", "bending", "lifting", "walking",
            "stress", "heat", "cold", "movement", "rest", "posture-change", "sleep", "medication", "exercise");
    private static final List<String> RED_FLAGS = List.of("new-weakness", "bowel-or-bladder-change",
            "saddle-numbness", "fever");
    private static final List<String> SIDE_EFFECTS = List.of("nausea", "dizziness", "drowsiness", "stomach-pain",
            "constipation", "dry-mouth", "brain-fog", "other");
    private static final List<String> WINDOWS = List.of("7", "30", "90");
    private static final List<String> KINDS = List.of("check-in", "exercise-session", "medication-intake",
            "flare-up", "questionnaire", "alert");

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
    @MethodSource("repeatedItems")
    void anItemGivenTwiceInAUniqueListIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownCodes")
    void anUnknownCodeIsA400ThatListsTheAcceptedValues(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void anOutOfRangeValueIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingRequiredFields")
    void aMissingRequiredFieldIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownFields")
    void anUnknownFieldIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDays")
    void aFutureTooOldOrImpossibleDayIsA400NamingTheField(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQuestionnaires")
    void anOdiThatCannotBeScoredIsA400NamingTheAnswers(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownInstruments")
    void anUnknownInstrumentIsA404ThatListsTheKnownOnes(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUuids")
    void aMalformedUuidIsA400NamingTheParameter(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFilters")
    void aBadDateRangeKindOrWindowIsA400NamingTheParameter(BadInput input) {
        input.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPaging")
    void anOutOfRangeOrNonNumericPageIsA400NamingTheParameter(BadInput input) {
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
    void aBodyLargerThan64KbIsA413Problem(BadInput input) {
        input.check();
    }

    /**
     * Every case above, plus oddities whose right answer may be a 2xx or a 4xx (control characters, dates at the
     * ends of the calendar, absurd numbers): none may fail on the server.
     */
    @Test
    void noBadInputEverCausesAServerError() {
        List<String> serverErrors = new ArrayList<>();
        List<BadInput> all = Stream.concat(everyBadInput(), oddities()).toList();
        for (BadInput input : all) {
            Response response = input.send.apply(new Fixture());
            if (response.statusCode() >= 500) {
                serverErrors.add(input.name + " -> " + response.statusCode() + " " + response.asString());
            }
        }
        assertThat(all).hasSizeGreaterThan(200);
        assertThat(serverErrors).as("bad input answered with a server error").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The catalogue of bad input
    // ------------------------------------------------------------------------------------------------------------

    static Stream<BadInput> everyBadInput() {
        return Stream.of(malformedBodies(), wrongTypes(), repeatedItems(), unknownCodes(), outOfRange(), missingRequiredFields(),
                unknownFields(), badDays(), badQuestionnaires(), unknownInstruments(), badUuids(), badFilters(), badPaging(),
                unsupportedMediaTypes(), missingBodies(), oversizedBodies()).flatMap(s -> s);
    }

    static Stream<BadInput> malformedBodies() {
        return Stream.of(
                bad("PUT check-in with truncated JSON", 400, null,
                        f -> f.putCheckIn("{\"pain\": 5, \"locations\": "), "JSON"),
                bad("PUT check-in with a JSON array holding a valid check-in", 400, null,
                        f -> f.putCheckIn("[" + json(Api.checkIn(5)) + "]"), "object"),
                bad("PUT check-in with a JSON string", 400, null,
                        f -> f.putCheckIn("\"pain 5\""), "object"),
                bad("PUT check-in with a bare number", 400, null,
                        f -> f.putCheckIn("5"), "object"),
                bad("PUT check-in with single-quoted JSON", 400, null,
                        f -> f.putCheckIn("{'pain': 5}"), "JSON"),
                bad("PUT check-in with two JSON objects, the second with pain 11", 400, null,
                        f -> f.putCheckIn(json(Api.checkIn(5)) + json(Api.checkIn(11))), "JSON"),
                bad("PUT check-in with pain given twice (11, then 5)", 400, "pain",
                        f -> f.putCheckIn("{\"pain\": 11, " + json(Api.checkIn(5)).substring(1))),
                bad("PUT check-in with redFlags given twice ([\"saddle-numbness\"], then [])", 400, "redFlags",
                        f -> f.putCheckIn("{\"redFlags\": [\"saddle-numbness\"], "
                                + json(Api.checkIn(5)).substring(1))),
                bad("POST exercise-sessions with truncated JSON", 400, null,
                        f -> f.post(EXERCISE, "{\"day\": \"" + TODAY + "\", \"exercise\": "), "JSON"),
                bad("POST exercise-sessions with a JSON array", 400, null,
                        f -> f.post(EXERCISE, "[" + json(exercise()) + "]"), "object"),
                bad("POST medication-intakes with truncated JSON", 400, null,
                        f -> f.post(INTAKE, "{\"drug\": \"naproxen\", \"dose\": 5"), "JSON"),
                bad("POST medication-intakes with a JSON array", 400, null,
                        f -> f.post(INTAKE, "[" + json(intake()) + "]"), "object"),
                bad("POST flare-ups with truncated JSON", 400, null,
                        f -> f.post(FLARE_UP, "{\"startedOn\": "), "JSON"),
                bad("POST flare-ups with a JSON array", 400, null,
                        f -> f.post(FLARE_UP, "[" + json(flareUp()) + "]"), "object"),
                bad("POST odi with truncated JSON", 400, null,
                        f -> f.post(ODI, "{\"answers\": [2, 1, 3"), "JSON"),
                bad("POST odi with the bare answers array instead of an object", 400, null,
                        f -> f.post(ODI, "[2, 1, 3, 2, 2, 1, 0, 2, 1, 2]"), "object"));
    }

    static Stream<BadInput> wrongTypes() {
        return Stream.of(
                bad("PUT check-in with pain \"five\"", 400, "pain", f -> f.checkIn(c -> c.put("pain", "five"))),
                bad("PUT check-in with pain 5.5 (must not be truncated to 5)", 400, "pain",
                        f -> f.checkIn(c -> c.put("pain", 5.5))),
                bad("PUT check-in with pain true", 400, "pain", f -> f.checkIn(c -> c.put("pain", true))),
                bad("PUT check-in with pain as an object", 400, "pain",
                        f -> f.checkIn(c -> c.put("pain", Map.of("now", 5)))),
                bad("PUT check-in with legSymptoms \"yes\"", 400, "legSymptoms",
                        f -> f.checkIn(c -> c.put("legSymptoms", "yes"))),
                bad("PUT check-in with locations a string, not a list", 400, "locations",
                        f -> f.checkIn(c -> c.put("locations", "lower-back"))),
                bad("PUT check-in with locations an object", 400, "locations",
                        f -> f.checkIn(c -> c.put("locations", Map.of("lower-back", true)))),
                bad("PUT check-in with redFlags a string, not a list", 400, "redFlags",
                        f -> f.checkIn(c -> c.put("redFlags", "fever"))),
                bad("PUT check-in with sleepHours \"seven\"", 400, "sleepHours",
                        f -> f.checkIn(c -> c.put("sleepHours", "seven"))),
                bad("PUT check-in with mood a list", 400, "mood", f -> f.checkIn(c -> c.put("mood", List.of(6)))),
                bad("PUT check-in with functionScore 6.7 (must not be truncated to 6)", 400, "functionScore",
                        f -> f.checkIn(c -> c.put("functionScore", 6.7))),
                bad("PUT check-in with note an object", 400, "note",
                        f -> f.checkIn(c -> c.put("note", Map.of("text", "Long meeting")))),
                bad("POST exercise-sessions with day 42", 400, "day", f -> f.exercise(e -> e.put("day", 42))),
                bad("POST exercise-sessions with sets \"two\"", 400, "sets",
                        f -> f.exercise(e -> e.put("sets", "two"))),
                bad("POST exercise-sessions with reps 8.5", 400, "reps", f -> f.exercise(e -> e.put("reps", 8.5))),
                bad("POST exercise-sessions with exercise a list", 400, "exercise",
                        f -> f.exercise(e -> e.put("exercise", List.of("bird-dog")))),
                bad("POST medication-intakes with takenAt \"this morning\"", 400, "takenAt",
                        f -> f.intake(m -> m.put("takenAt", "this morning"))),
                bad("POST medication-intakes with takenAt a date without time", 400, "takenAt",
                        f -> f.intake(m -> m.put("takenAt", TODAY.toString()))),
                bad("POST medication-intakes with takenAt without a zone", 400, "takenAt",
                        f -> f.intake(m -> m.put("takenAt", TODAY + "T08:15:00"))),
                bad("POST medication-intakes with dose \"500 mg\"", 400, "dose",
                        f -> f.intake(m -> m.put("dose", "500 mg"))),
                bad("POST medication-intakes with sideEffects a string, not a list", 400, "sideEffects",
                        f -> f.intake(m -> m.put("sideEffects", "nausea"))),
                bad("POST flare-ups with startedOn true", 400, "startedOn",
                        f -> f.flareUp(u -> u.put("startedOn", true))),
                bad("POST flare-ups with endedOn 20261122", 400, "endedOn",
                        f -> f.flareUp(u -> u.put("endedOn", 20261122))),
                bad("POST odi with answers a string", 400, "answers",
                        f -> f.odi(o -> o.put("answers", "2,1,3,2,2,1,0,2,1,2"))),
                bad("POST odi with an answer \"one\"", 400, "answers",
                        f -> f.odi(o -> o.put("answers", Arrays.asList(2, "one", 3, 2, 2, 1, 0, 2, 1, 2)))),
                bad("POST odi with an answer 1.5 (must not be truncated to 1)", 400, "answers",
                        f -> f.odi(o -> o.put("answers", Arrays.asList(2, 1.5, 3, 2, 2, 1, 0, 2, 1, 2)))),
                bad("POST odi with baseline \"yes\"", 400, "baseline", f -> f.odi(o -> o.put("baseline", "yes"))),
                // Read as numbers, text answers were scored as if the patient had given them.
                bad("POST odi with the answers as text (\"3\")", 400, "answers",
                        f -> f.odi(o -> o.put("answers", List.of("2", "1", "3", "2", "2", "1", "0", "2", "1", "2")))),
                bad("PUT check-in with legSymptoms 1 (not a yes)", 400, "legSymptoms",
                        f -> f.checkIn(c -> c.put("legSymptoms", 1))),
                bad("PUT check-in with pain \"5\"", 400, "pain", f -> f.checkIn(c -> c.put("pain", "5"))),
                bad("PUT check-in with sleepHours \"6.5\"", 400, "sleepHours",
                        f -> f.checkIn(c -> c.put("sleepHours", "6.5"))),
                bad("PUT check-in with note 5", 400, "note", f -> f.checkIn(c -> c.put("note", 5))),
                bad("POST medication-intakes with takenAt +99999-01-01T08:00:00Z", 400, "takenAt",
                        f -> f.intake(m -> m.put("takenAt", "+99999-01-01T08:00:00Z"))));
    }

    /** A set given an item twice is a client mistake to report, not to shrink silently to one item. */
    static Stream<BadInput> repeatedItems() {
        return Stream.of(
                bad("PUT check-in with redFlags [\"fever\", \"fever\"]", 400, "redFlags",
                        f -> f.checkIn(c -> c.put("redFlags", List.of("fever", "fever"))), "twice"),
                bad("PUT check-in with locations [\"lower-back\", \"leg-left\", \"lower-back\"]", 400, "locations",
                        f -> f.checkIn(c -> c.put("locations", List.of("lower-back", "leg-left", "lower-back"))), "twice"),
                bad("PUT check-in with triggers [\"sitting\", \"sitting\"]", 400, "triggers",
                        f -> f.checkIn(c -> c.put("triggers", List.of("sitting", "sitting"))), "twice"));
    }

    static Stream<BadInput> unknownCodes() {
        return Stream.of(
                bad("PUT check-in with painCharacter [\"itchy\"]", 400, "painCharacter",
                        f -> f.checkIn(c -> c.put("painCharacter", List.of("itchy"))), PAIN_CHARACTERS),
                bad("PUT check-in with painCharacter [\"Aching\"]", 400, "painCharacter",
                        f -> f.checkIn(c -> c.put("painCharacter", List.of("Aching"))), PAIN_CHARACTERS),
                bad("PUT check-in with painCharacter [\"\"]", 400, "painCharacter",
                        f -> f.checkIn(c -> c.put("painCharacter", List.of(""))), PAIN_CHARACTERS),
                bad("PUT check-in with locations [\"elbow\"]", 400, "locations",
                        f -> f.checkIn(c -> c.put("locations", List.of("lower-back", "elbow"))), LOCATIONS),
                bad("PUT check-in with triggers [\"moon\"]", 400, "triggers",
                        f -> f.checkIn(c -> c.put("triggers", List.of("moon"))), FACTORS),
                bad("PUT check-in with relievers [\"moon\"]", 400, "relievers",
                        f -> f.checkIn(c -> c.put("relievers", List.of("moon"))), FACTORS),
                bad("PUT check-in with redFlags [\"headache\"]", 400, "redFlags",
                        f -> f.checkIn(c -> c.put("redFlags", List.of("headache"))), RED_FLAGS),
                bad("PUT check-in with redFlags [\"FEVER\"]", 400, "redFlags",
                        f -> f.checkIn(c -> c.put("redFlags", List.of("FEVER"))), RED_FLAGS),
                bad("PUT check-in with redFlags [\"fever\", \"headache\"] (the known flag is not kept alone)", 400,
                        "redFlags", f -> f.checkIn(c -> c.put("redFlags", List.of("fever", "headache"))), RED_FLAGS),
                bad("PUT check-in with redFlags [null]", 400, "redFlags",
                        f -> f.checkIn(c -> c.put("redFlags", Arrays.asList((Object) null)))),
                bad("POST medication-intakes with sideEffects [\"hiccups\"]", 400, "sideEffects",
                        f -> f.intake(m -> m.put("sideEffects", List.of("hiccups"))), SIDE_EFFECTS),
                bad("POST medication-intakes with sideEffects [\"Nausea\"]", 400, "sideEffects",
                        f -> f.intake(m -> m.put("sideEffects", List.of("Nausea"))), SIDE_EFFECTS));
    }

    static Stream<BadInput> outOfRange() {
        return Stream.of(
                bad("PUT check-in with pain 11", 400, "pain", f -> f.checkIn(c -> c.put("pain", 11))),
                bad("PUT check-in with pain -1", 400, "pain", f -> f.checkIn(c -> c.put("pain", -1))),
                bad("PUT check-in with pain 99999999999 (beyond an int)", 400, "pain",
                        f -> f.putCheckIn(rawCheckIn("pain", "99999999999"))),
                bad("PUT check-in with sleepQuality 11", 400, "sleepQuality",
                        f -> f.checkIn(c -> c.put("sleepQuality", 11))),
                bad("PUT check-in with sleepQuality -1", 400, "sleepQuality",
                        f -> f.checkIn(c -> c.put("sleepQuality", -1))),
                bad("PUT check-in with sleepHours 25", 400, "sleepHours", f -> f.checkIn(c -> c.put("sleepHours", 25))),
                bad("PUT check-in with sleepHours -0.5", 400, "sleepHours",
                        f -> f.checkIn(c -> c.put("sleepHours", -0.5))),
                bad("PUT check-in with mood 11", 400, "mood", f -> f.checkIn(c -> c.put("mood", 11))),
                bad("PUT check-in with mood -1", 400, "mood", f -> f.checkIn(c -> c.put("mood", -1))),
                bad("PUT check-in with functionScore 11", 400, "functionScore",
                        f -> f.checkIn(c -> c.put("functionScore", 11))),
                bad("PUT check-in with stress 11", 400, "stress", f -> f.checkIn(c -> c.put("stress", 11))),
                bad("PUT check-in with a 2001-character note", 400, "note",
                        f -> f.checkIn(c -> c.put("note", "n".repeat(2001)))),
                bad("POST exercise-sessions with painBefore 11", 400, "painBefore",
                        f -> f.exercise(e -> e.put("painBefore", 11))),
                bad("POST exercise-sessions with painAfter -1", 400, "painAfter",
                        f -> f.exercise(e -> e.put("painAfter", -1))),
                bad("POST exercise-sessions with sets -1", 400, "sets", f -> f.exercise(e -> e.put("sets", -1))),
                bad("POST exercise-sessions with sets 21", 400, "sets", f -> f.exercise(e -> e.put("sets", 21))),
                bad("POST exercise-sessions with reps 201", 400, "reps", f -> f.exercise(e -> e.put("reps", 201))),
                bad("POST exercise-sessions with minutes 481", 400, "minutes",
                        f -> f.exercise(e -> e.put("minutes", 481))),
                bad("POST exercise-sessions with minutes -5", 400, "minutes",
                        f -> f.exercise(e -> e.put("minutes", -5))),
                bad("POST exercise-sessions with a 61-character exercise", 400, "exercise",
                        f -> f.exercise(e -> e.put("exercise", "e".repeat(61)))),
                bad("POST exercise-sessions with a 1001-character note", 400, "note",
                        f -> f.exercise(e -> e.put("note", "n".repeat(1001)))),
                bad("POST medication-intakes with dose 0", 400, "dose", f -> f.intake(m -> m.put("dose", 0))),
                bad("POST medication-intakes with dose -5", 400, "dose", f -> f.intake(m -> m.put("dose", -5))),
                bad("POST medication-intakes with dose 100001", 400, "dose",
                        f -> f.intake(m -> m.put("dose", 100001))),
                bad("POST medication-intakes with dose 1e400", 400, "dose",
                        f -> f.post(INTAKE, raw(intake(), "dose", "1e400"))),
                bad("POST medication-intakes with a 41-character drug", 400, "drug",
                        f -> f.intake(m -> m.put("drug", "d".repeat(41)))),
                bad("POST medication-intakes with an 11-character unit", 400, "unit",
                        f -> f.intake(m -> m.put("unit", "u".repeat(11)))),
                bad("POST flare-ups with a 2001-character whatHelped", 400, "whatHelped",
                        f -> f.flareUp(u -> u.put("whatHelped", "w".repeat(2001)))),
                bad("POST flare-ups with a 2001-character note", 400, "note",
                        f -> f.flareUp(u -> u.put("note", "n".repeat(2001)))));
    }

    static Stream<BadInput> missingRequiredFields() {
        return Stream.of(
                bad("PUT check-in {}", 400, "pain", f -> f.putCheckIn("{}")),
                bad("PUT check-in without pain", 400, "pain", f -> f.checkIn(c -> c.remove("pain"))),
                bad("PUT check-in with pain null", 400, "pain", f -> f.checkIn(c -> c.put("pain", null))),
                bad("POST exercise-sessions without day", 400, "day", f -> f.exercise(e -> e.remove("day"))),
                bad("POST exercise-sessions without exercise", 400, "exercise",
                        f -> f.exercise(e -> e.remove("exercise"))),
                bad("POST exercise-sessions with a blank exercise", 400, "exercise",
                        f -> f.exercise(e -> e.put("exercise", "   "))),
                bad("POST exercise-sessions saying nothing about what was done", 400, "sets",
                        f -> f.exercise(e -> {
                            e.remove("sets");
                            e.remove("reps");
                            e.remove("painBefore");
                            e.remove("painAfter");
                        })),
                bad("POST medication-intakes without takenAt", 400, "takenAt",
                        f -> f.intake(m -> m.remove("takenAt"))),
                bad("POST medication-intakes without drug", 400, "drug", f -> f.intake(m -> m.remove("drug"))),
                bad("POST medication-intakes with a blank drug", 400, "drug", f -> f.intake(m -> m.put("drug", " "))),
                bad("POST medication-intakes without dose", 400, "dose", f -> f.intake(m -> m.remove("dose"))),
                bad("POST medication-intakes without unit", 400, "unit", f -> f.intake(m -> m.remove("unit"))),
                bad("POST medication-intakes with a blank unit", 400, "unit", f -> f.intake(m -> m.put("unit", ""))),
                bad("POST flare-ups without startedOn", 400, "startedOn", f -> f.flareUp(u -> u.remove("startedOn"))),
                bad("POST flare-ups {}", 400, "startedOn", f -> f.post(FLARE_UP, "{}")),
                bad("POST odi {}", 400, "answers", f -> f.post(ODI, "{}")),
                bad("POST odi with answers null", 400, "answers", f -> f.odi(o -> o.put("answers", null))));
    }

    static Stream<BadInput> unknownFields() {
        return Stream.of(
                bad("PUT check-in with painLevel (a typo of pain)", 400, "painLevel",
                        f -> f.checkIn(c -> c.put("painLevel", 5))),
                bad("PUT check-in naming another patientId", 400, "patientId",
                        f -> f.checkIn(c -> c.put("patientId", UUID.randomUUID().toString()))),
                bad("PUT check-in with recordedBy (forging who recorded it)", 400, "recordedBy",
                        f -> f.checkIn(c -> c.put("recordedBy", "someone-else"))),
                bad("PUT check-in with a day in the body", 400, "day",
                        f -> f.checkIn(c -> c.put("day", TODAY.minusDays(30).toString()))),
                bad("POST exercise-sessions with duration (not minutes)", 400, "duration",
                        f -> f.exercise(e -> e.put("duration", 20))),
                bad("POST exercise-sessions with recordedBy", 400, "recordedBy",
                        f -> f.exercise(e -> e.put("recordedBy", "someone-else"))),
                bad("POST medication-intakes with sideEffect (singular)", 400, "sideEffect",
                        f -> f.intake(m -> m.put("sideEffect", "nausea"))),
                bad("POST flare-ups with severity", 400, "severity", f -> f.flareUp(u -> u.put("severity", 8))),
                bad("POST odi with a score (the service scores)", 400, "score", f -> f.odi(o -> o.put("score", 0))),
                bad("POST odi with a day (questionnaires are dated today)", 400, "day",
                        f -> f.odi(o -> o.put("day", TODAY.minusDays(60).toString()))));
    }

    static Stream<BadInput> badDays() {
        String tomorrow = TODAY.plusDays(1).toString();
        String eightDaysAgo = TODAY.minusDays(8).toString();
        return Stream.of(
                bad("PUT check-in for tomorrow", 400, "day", f -> f.checkInOn(tomorrow), List.of("future")),
                bad("PUT check-in for 2999-01-01", 400, "day", f -> f.checkInOn("2999-01-01"), List.of("future")),
                bad("PUT check-in 8 days back", 400, "day", f -> f.checkInOn(eightDaysAgo), List.of("7")),
                bad("PUT check-in for 2020-01-01", 400, "day", f -> f.checkInOn("2020-01-01"), List.of("7")),
                bad("PUT check-in for 30 February", 400, "day", f -> f.checkInOn("2026-02-30")),
                bad("PUT check-in for month 13", 400, "day", f -> f.checkInOn("2026-13-01")),
                bad("PUT check-in for \"yesterday\"", 400, "day", f -> f.checkInOn("yesterday"),
                        List.of("yesterday")),
                bad("PUT check-in for 20261123 (no dashes)", 400, "day", f -> f.checkInOn("20261123")),
                bad("GET check-in of 30 February", 400, "day",
                        f -> f.asPatient().get(CHECK_IN, f.patientId, "2026-02-30")),
                bad("GET check-in of \"today\"", 400, "day", f -> f.asPatient().get(CHECK_IN, f.patientId, "today")),
                bad("POST exercise-sessions for tomorrow", 400, "day", f -> f.exercise(e -> e.put("day", tomorrow)),
                        List.of("future")),
                bad("POST exercise-sessions 8 days back", 400, "day",
                        f -> f.exercise(e -> e.put("day", eightDaysAgo)), List.of("7")),
                bad("POST exercise-sessions on 30 February", 400, "day",
                        f -> f.exercise(e -> e.put("day", "2026-02-30"))),
                bad("POST medication-intakes taken an hour from now", 400, "takenAt",
                        f -> f.intake(m -> m.put("takenAt", Instant.now().plus(1, ChronoUnit.HOURS).toString())),
                        List.of("future")),
                bad("POST medication-intakes taken next year", 400, "takenAt",
                        f -> f.intake(m -> m.put("takenAt", Instant.now().plus(365, ChronoUnit.DAYS).toString())),
                        List.of("future")),
                bad("POST medication-intakes taken 9 days ago", 400, "takenAt",
                        f -> f.intake(m -> m.put("takenAt", Instant.now().minus(9, ChronoUnit.DAYS).toString())),
                        List.of("7")),
                bad("POST medication-intakes taken on 30 February", 400, "takenAt",
                        f -> f.intake(m -> m.put("takenAt", "2026-02-30T08:00:00Z"))),
                bad("POST flare-ups starting tomorrow", 400, "startedOn",
                        f -> f.flareUp(u -> {
                            u.put("startedOn", tomorrow);
                            u.remove("endedOn");
                        }), List.of("future")),
                bad("POST flare-ups ending before they start", 400, "endedOn",
                        f -> f.flareUp(u -> {
                            u.put("startedOn", TODAY.minusDays(2).toString());
                            u.put("endedOn", TODAY.minusDays(4).toString());
                        })),
                bad("POST flare-ups ending tomorrow", 400, "endedOn", f -> f.flareUp(u -> u.put("endedOn", tomorrow))),
                bad("POST flare-ups starting on 30 February", 400, "startedOn",
                        f -> f.flareUp(u -> u.put("startedOn", "2026-02-30"))));
    }

    static Stream<BadInput> badQuestionnaires() {
        return Stream.of(
                bad("POST odi with 7 answers", 400, "answers",
                        f -> f.odi(o -> o.put("answers", List.of(2, 1, 3, 2, 2, 1, 2))), List.of("10")),
                bad("POST odi with 11 entries", 400, "answers",
                        f -> f.odi(o -> o.put("answers", List.of(2, 1, 3, 2, 2, 1, 2, 2, 1, 2, 3))), List.of("10")),
                bad("POST odi with no answers", 400, "answers", f -> f.odi(o -> o.put("answers", List.of())),
                        List.of("10")),
                bad("POST odi with a value 6", 400, "answers",
                        f -> f.odi(o -> o.put("answers", List.of(2, 1, 6, 2, 2, 1, 2, 2, 1, 2))), List.of("6")),
                bad("POST odi with a value -1", 400, "answers",
                        f -> f.odi(o -> o.put("answers", List.of(2, 1, 3, 2, 2, -1, 2, 2, 1, 2))), List.of("-1")),
                bad("POST odi with only 7 sections answered", 400, "answers",
                        f -> f.odi(o -> o.put("answers", Arrays.asList(2, null, 3, null, 2, 1, null, 2, 1, 2))),
                        List.of("8")));
    }

    static Stream<BadInput> unknownInstruments() {
        List<BadInput> cases = new ArrayList<>();
        for (String instrument : List.of("dance", "PHQ-9", "phq9", "oswestry")) {
            cases.add(bad("POST /questionnaires/" + instrument, 404, null,
                    f -> f.asPatient().body(PHQ9_ZEROS).post(RESULTS, f.patientId, instrument), INSTRUMENTS));
            cases.add(bad("GET /questionnaires/" + instrument, 404, null,
                    f -> f.asPatient().get(RESULTS, f.patientId, instrument), INSTRUMENTS));
            cases.add(bad("GET /questionnaires/" + instrument + "/trend", 404, null,
                    f -> f.asPatient().get(INSTRUMENT_TREND, f.patientId, instrument), INSTRUMENTS));
        }
        return cases.stream();
    }

    static Stream<BadInput> badUuids() {
        List<BadInput> cases = new ArrayList<>();
        for (String badId : List.of("not-a-uuid", "1-2-3-4-5", "12345")) {
            Map<String, Function<Fixture, Response>> calls = new LinkedHashMap<>();
            calls.put("PUT /patients/" + badId + "/check-ins/{today}",
                    f -> f.asPatient().body(json(Api.checkIn(5))).put(CHECK_IN, badId, TODAY.toString()));
            calls.put("GET /patients/" + badId + "/check-ins/{today}",
                    f -> f.asPatient().get(CHECK_IN, badId, TODAY.toString()));
            calls.put("GET /patients/" + badId + "/check-ins",
                    f -> f.asPatient().get("/patients/{id}/check-ins", badId));
            calls.put("POST /patients/" + badId + "/exercise-sessions",
                    f -> f.asPatient().body(json(exercise())).post(EXERCISE, badId));
            calls.put("POST /patients/" + badId + "/medication-intakes",
                    f -> f.asPatient().body(json(intake())).post(INTAKE, badId));
            calls.put("POST /patients/" + badId + "/flare-ups",
                    f -> f.asPatient().body(json(flareUp())).post(FLARE_UP, badId));
            calls.put("POST /patients/" + badId + "/questionnaires/odi",
                    f -> f.asPatient().body(json(odi())).post(ODI, badId));
            calls.put("GET /patients/" + badId + "/questionnaires/odi", f -> f.asPatient().get(ODI, badId));
            calls.put("GET /patients/" + badId + "/timeline", f -> f.asPatient().get(TIMELINE, badId));
            calls.put("GET /patients/" + badId + "/trends", f -> f.asPatient().get(TRENDS, badId));
            calls.put("POST /patients/" + badId + "/questionnaires/phq-9",
                    f -> f.asPatient().body(PHQ9_ZEROS).post(RESULTS, badId, "phq-9"));
            calls.put("GET /patients/" + badId + "/questionnaires/phq-9",
                    f -> f.asPatient().get(RESULTS, badId, "phq-9"));
            calls.put("GET /patients/" + badId + "/questionnaires/phq-9/trend",
                    f -> f.asPatient().get(INSTRUMENT_TREND, badId, "phq-9"));
            calls.forEach((name, call) -> cases.add(bad(name, 400, "patientId", call, List.of(badId))));
            cases.add(bad("GET /audit-log?patientId=" + badId, 400, "patientId",
                    f -> f.asAdmin().queryParam("patientId", badId).get("/audit-log"), List.of(badId)));
        }
        return cases.stream();
    }

    static Stream<BadInput> badFilters() {
        String checkIns = "/patients/{id}/check-ins";
        String today = TODAY.toString();
        String tenDaysAgo = TODAY.minusDays(10).toString();
        Stream<BadInput> windows = Stream.of("14", "0", "-7", "365", "thirty", "30.0", "7,30").map(days ->
                bad("GET trends?days=" + days, 400, "days",
                        f -> f.asPatient().queryParam("days", days).get(TRENDS, f.patientId), WINDOWS));
        return Stream.concat(windows, Stream.of(
                bad("GET check-ins?from=yesterday", 400, "from",
                        f -> f.asPatient().queryParam("from", "yesterday").get(checkIns, f.patientId)),
                bad("GET check-ins?to=2026-02-30", 400, "to",
                        f -> f.asPatient().queryParam("to", "2026-02-30").get(checkIns, f.patientId)),
                bad("GET check-ins?from=today&to=10 days ago (reversed range)", 400, "from|to",
                        f -> f.asPatient().queryParam("from", today).queryParam("to", tenDaysAgo)
                                .get(checkIns, f.patientId)),
                bad("GET timeline?from=yesterday", 400, "from",
                        f -> f.asPatient().queryParam("from", "yesterday").get(TIMELINE, f.patientId)),
                bad("GET timeline?to=2026-13-01", 400, "to",
                        f -> f.asPatient().queryParam("to", "2026-13-01").get(TIMELINE, f.patientId)),
                bad("GET timeline?from=2026-11-23T00:00:00Z (an instant, not a date)", 400, "from",
                        f -> f.asPatient().queryParam("from", "2026-11-23T00:00:00Z").get(TIMELINE, f.patientId)),
                bad("GET timeline?from=today&to=10 days ago (reversed range)", 400, "from|to",
                        f -> f.asPatient().queryParam("from", today).queryParam("to", tenDaysAgo)
                                .get(TIMELINE, f.patientId)),
                bad("GET timeline?kind=dance", 400, "kind",
                        f -> f.asPatient().queryParam("kind", "dance").get(TIMELINE, f.patientId), KINDS),
                bad("GET timeline?kind=CHECK-IN", 400, "kind",
                        f -> f.asPatient().queryParam("kind", "CHECK-IN").get(TIMELINE, f.patientId), KINDS),
                bad("GET timeline?kind=check-ins", 400, "kind",
                        f -> f.asPatient().queryParam("kind", "check-ins").get(TIMELINE, f.patientId), KINDS),
                bad("GET phq-9 trend?from=yesterday", 400, "from",
                        f -> f.asPatient().queryParam("from", "yesterday").get(INSTRUMENT_TREND, f.patientId, "phq-9")),
                bad("GET phq-9 trend?to=2026-02-30", 400, "to",
                        f -> f.asPatient().queryParam("to", "2026-02-30").get(INSTRUMENT_TREND, f.patientId, "phq-9")),
                bad("GET phq-9 trend?from=today&to=10 days ago (reversed range)", 400, "from|to",
                        f -> f.asPatient().queryParam("from", today).queryParam("to", tenDaysAgo)
                                .get(INSTRUMENT_TREND, f.patientId, "phq-9")),
                bad("GET phq-9 trend over 6 years", 400, "from",
                        f -> f.asPatient().queryParam("from", TODAY.minusYears(6).toString())
                                .get(INSTRUMENT_TREND, f.patientId, "phq-9"), List.of("5 years")),
                bad("GET /audit-log?action=DELETE_EVERYTHING", 400, "action",
                        f -> f.asAdmin().queryParam("action", "DELETE_EVERYTHING").get("/audit-log"),
                        List.of("CHECK_IN_READ", "REFUSED")),
                bad("GET /audit-log?from=yesterday", 400, "from",
                        f -> f.asAdmin().queryParam("from", "yesterday").get("/audit-log")),
                bad("GET /audit-log?to=2026-11-23 (a date, not an instant)", 400, "to",
                        f -> f.asAdmin().queryParam("to", "2026-11-23").get("/audit-log"))));
    }

    static Stream<BadInput> badPaging() {
        List<BadInput> cases = new ArrayList<>();
        Map<String, Function<Fixture, RequestSpecification>> lists = new LinkedHashMap<>();
        lists.put("/patients/{id}/check-ins", Fixture::asPatient);
        lists.put(ODI, Fixture::asPatient);
        lists.put("/patients/{id}/questionnaires/phq-9", Fixture::asPatient);
        lists.put(TIMELINE, Fixture::asPatient);
        lists.put("/audit-log", Fixture::asAdmin);
        lists.forEach((path, who) -> {
            for (String[] param : List.of(new String[] {"size", "0"}, new String[] {"size", "101"},
                    new String[] {"size", "abc"}, new String[] {"page", "-1"}, new String[] {"page", "1.5"},
                    new String[] {"page", "99999999999"})) {
                cases.add(bad("GET " + path + "?" + param[0] + "=" + param[1], 400, param[0],
                        f -> who.apply(f).queryParam(param[0], param[1])
                                .get(path.replace("{id}", f.patientId.toString()))));
            }
        });
        return cases.stream();
    }

    static Stream<BadInput> unsupportedMediaTypes() {
        List<String> json = List.of("application/json");
        return Stream.of(
                bad("PUT check-in as text/plain", 415, null,
                        f -> f.asPatient().contentType(ContentType.TEXT).body(json(Api.checkIn(5)))
                                .put(CHECK_IN, f.patientId, TODAY.toString()), json),
                bad("PUT check-in as application/xml", 415, null,
                        f -> f.asPatient().contentType(ContentType.XML).body("<checkIn><pain>5</pain></checkIn>")
                                .put(CHECK_IN, f.patientId, TODAY.toString()), json),
                bad("POST exercise-sessions as text/plain", 415, null,
                        f -> f.asPatient().contentType(ContentType.TEXT).body(json(exercise()))
                                .post(EXERCISE, f.patientId), json),
                bad("POST medication-intakes as a form", 415, null,
                        f -> f.asPatient().contentType(ContentType.URLENC).formParam("drug", "naproxen")
                                .formParam("dose", "500").post(INTAKE, f.patientId), json),
                bad("POST flare-ups as text/plain", 415, null,
                        f -> f.asPatient().contentType(ContentType.TEXT).body(json(flareUp()))
                                .post(FLARE_UP, f.patientId), json),
                bad("POST odi as text/plain", 415, null,
                        f -> f.asPatient().contentType(ContentType.TEXT).body(json(odi())).post(ODI, f.patientId),
                        json));
    }

    /** The detail must say that the body is missing, not name a Java parameter the client never saw. */
    static Stream<BadInput> missingBodies() {
        return Stream.of(
                bad("PUT check-in without a body", 400, null,
                        f -> f.asPatient().put(CHECK_IN, f.patientId, TODAY.toString()), "body"),
                bad("PUT check-in with JSON null", 400, null, f -> f.putCheckIn("null"), "body"),
                bad("POST exercise-sessions without a body", 400, null,
                        f -> f.asPatient().post(EXERCISE, f.patientId), "body"),
                bad("POST medication-intakes without a body", 400, null,
                        f -> f.asPatient().post(INTAKE, f.patientId), "body"),
                bad("POST medication-intakes with JSON null", 400, null, f -> f.post(INTAKE, "null"), "body"),
                bad("POST flare-ups without a body", 400, null, f -> f.asPatient().post(FLARE_UP, f.patientId), "body"),
                bad("POST odi without a body", 400, null, f -> f.asPatient().post(ODI, f.patientId), "body"));
    }

    static Stream<BadInput> oversizedBodies() {
        String big = "x".repeat(70 * 1024);
        return Stream.of(
                bad("PUT check-in with a 70 KB note", 413, null, f -> f.checkIn(c -> c.put("note", big)), "limit"),
                bad("POST exercise-sessions with a 70 KB note", 413, null,
                        f -> f.exercise(e -> e.put("note", big)), "limit"),
                bad("POST medication-intakes with a 70 KB drug", 413, null,
                        f -> f.intake(m -> m.put("drug", big)), "limit"),
                bad("POST flare-ups with a 70 KB whatHelped", 413, null,
                        f -> f.flareUp(u -> u.put("whatHelped", big)), "limit"),
                bad("POST odi with a 70 KB body", 413, null, f -> f.odi(o -> o.put("comment", big)), "limit"));
    }

    /** Inputs whose right answer may be a success or a refusal, but never a server error. */
    static Stream<BadInput> oddities() {
        String nul = "before\u0000after";
        String deep = "{\"note\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        return Stream.of(
                odd("PUT check-in with a NUL character in the note", f -> f.checkIn(c -> c.put("note", nul))),
                odd("POST exercise-sessions with a NUL character in exercise",
                        f -> f.exercise(e -> e.put("exercise", nul))),
                odd("POST medication-intakes with a NUL character in drug", f -> f.intake(m -> m.put("drug", nul))),
                odd("POST flare-ups with a NUL character in whatHelped",
                        f -> f.flareUp(u -> u.put("whatHelped", nul))),
                odd("PUT check-in nested 5000 arrays deep", f -> f.putCheckIn(deep)),
                odd("PUT check-in with pain as a 2000-digit number",
                        f -> f.putCheckIn(rawCheckIn("pain", "1" + "0".repeat(2000)))),
                odd("PUT check-in with sleepHours 7.123456789", f -> f.checkIn(c -> c.put("sleepHours", 7.123456789))),
                odd("POST medication-intakes with dose 0.0001 (rounds to 0 in a numeric(9,3))",
                        f -> f.intake(m -> m.put("dose", 0.0001))),
                odd("POST medication-intakes taken at the start of the Instant range",
                        f -> f.intake(m -> m.put("takenAt", "-1000000000-01-01T00:00:00Z"))),
                odd("POST medication-intakes taken at the end of the Instant range",
                        f -> f.intake(m -> m.put("takenAt", "+1000000000-12-31T23:59:59Z"))),
                odd("POST flare-ups starting in year -999999999",
                        f -> f.flareUp(u -> {
                            u.put("startedOn", "-999999999-01-01");
                            u.remove("endedOn");
                        })),
                odd("POST flare-ups starting in year 0001",
                        f -> f.flareUp(u -> {
                            u.put("startedOn", "0001-01-01");
                            u.remove("endedOn");
                        })),
                odd("POST exercise-sessions on -999999999-01-01",
                        f -> f.exercise(e -> e.put("day", "-999999999-01-01"))),
                odd("PUT check-in for +999999999-12-31", f -> f.checkInOn("+999999999-12-31")),
                odd("GET check-in of -999999999-01-01",
                        f -> f.asPatient().get(CHECK_IN, f.patientId, "-999999999-01-01")),
                odd("GET check-ins?from=-999999999-01-01",
                        f -> f.asPatient().queryParam("from", "-999999999-01-01")
                                .get("/patients/{id}/check-ins", f.patientId)),
                odd("GET check-ins?to=+999999999-12-31",
                        f -> f.asPatient().queryParam("to", "+999999999-12-31")
                                .get("/patients/{id}/check-ins", f.patientId)),
                odd("GET timeline?to=+999999999-12-31",
                        f -> f.asPatient().queryParam("to", "+999999999-12-31").get(TIMELINE, f.patientId)),
                odd("GET timeline?from=-999999999-01-01",
                        f -> f.asPatient().queryParam("from", "-999999999-01-01").get(TIMELINE, f.patientId)),
                odd("GET timeline?from=+10000-01-01",
                        f -> f.asPatient().queryParam("from", "+10000-01-01").get(TIMELINE, f.patientId)),
                odd("GET timeline?page=21474836&size=100",
                        f -> f.asPatient().queryParam("page", "21474836").queryParam("size", "100")
                                .get(TIMELINE, f.patientId)),
                odd("GET /audit-log?from=+1000000000-12-31T23:59:59Z",
                        f -> f.asAdmin().queryParam("from", "+1000000000-12-31T23:59:59Z").get("/audit-log")),
                odd("GET /audit-log?to=-1000000000-01-01T00:00:00Z",
                        f -> f.asAdmin().queryParam("to", "-1000000000-01-01T00:00:00Z").get("/audit-log")),
                odd("GET timeline asking for XML",
                        f -> f.asPatient().accept(ContentType.XML).get(TIMELINE, f.patientId)),
                odd("PUT check-in for a new day with If-Match \"0\"",
                        f -> f.asPatient().header("If-Match", "\"0\"").body(json(Api.checkIn(5)))
                                .put(CHECK_IN, f.patientId, TODAY.toString())),
                odd("DELETE a check-in (no such method)",
                        f -> f.asPatient().delete(CHECK_IN, f.patientId, TODAY.toString())));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Support
    // ------------------------------------------------------------------------------------------------------------

    /**
     * One bad request, what it must answer, the field or parameter it must name ({@code a|b}: either) and the words
     * its detail must contain.
     */
    record BadInput(String name, int status, String field, Function<Fixture, Response> send, List<String> mentions) {

        @Override
        public String toString() {
            return name;
        }

        void check() {
            Fixture f = new Fixture();
            Snapshot before = f.snapshot();
            Response response = send.apply(f);
            String body = response.asString();
            String what = name + " answered " + response.statusCode() + " " + response.contentType() + " " + body;

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
                List<String> alternatives = List.of(field.split("\\|"));
                List<String> fields = problem.getList("errors.field", String.class);
                assertThat(fields).as(what + ": errors[].field names " + field).isNotNull()
                        .anySatisfy(named -> assertThat(alternatives).anySatisfy(alternative ->
                                assertThat(named).matches(Pattern.quote(alternative) + "(\\[\\d+])?")));
                assertThat(alternatives).as(what + ": detail names the field")
                        .anySatisfy(alternative -> assertThat(detail).contains(alternative));
            }
            assertThat(f.snapshot()).as(name + ": nothing was stored").isEqualTo(before);
        }
    }

    static BadInput bad(String name, int status, String field, Function<Fixture, Response> send, String... mentions) {
        return new BadInput(name, status, field, send, Arrays.asList(mentions));
    }

    static BadInput bad(String name, int status, String field, Function<Fixture, Response> send,
                        List<String> mentions) {
        return new BadInput(name, status, field, send, mentions);
    }

    /** An oddity for the no-5xx sweep only. */
    static BadInput odd(String name, Function<Fixture, Response> send) {
        return new BadInput(name, 0, null, send, List.of());
    }

    static Map<String, Object> exercise() {
        Map<String, Object> body = new HashMap<>();
        body.put("day", TODAY.toString());
        body.put("exercise", "bird-dog");
        body.put("sets", 2);
        body.put("reps", 8);
        body.put("painBefore", 4);
        body.put("painAfter", 3);
        return body;
    }

    static Map<String, Object> intake() {
        Map<String, Object> body = new HashMap<>();
        body.put("takenAt", Instant.now().minusSeconds(60).toString());
        body.put("drug", "naproxen");
        body.put("dose", 500);
        body.put("unit", "mg");
        body.put("sideEffects", List.of("nausea"));
        return body;
    }

    static Map<String, Object> flareUp() {
        Map<String, Object> body = new HashMap<>();
        body.put("startedOn", TODAY.minusDays(3).toString());
        body.put("endedOn", TODAY.minusDays(1).toString());
        body.put("whatHelped", "Relative rest, heat, pelvic tilts");
        body.put("note", "Started after gardening");
        return body;
    }

    static Map<String, Object> odi() {
        Map<String, Object> body = new HashMap<>();
        body.put("answers", Arrays.asList(2, 1, 3, 2, 2, 1, null, 2, 1, 2));
        return body;
    }

    /** A valid check-in as JSON text with one field's value replaced by raw JSON text. */
    static String rawCheckIn(String field, String rawValue) {
        return raw(Api.checkIn(5), field, rawValue);
    }

    /** A body as JSON text with one field's value replaced by raw JSON text (numbers Java cannot hold). */
    static String raw(Map<String, Object> body, String field, String rawValue) {
        body.put(field, "__RAW__");
        return json(body).replace("\"__RAW__\"", rawValue);
    }

    /** Everything bad input could have changed, as an admin sees it. */
    record Snapshot(List<String> timeline, int checkIns, int questionnaires) {
    }

    /** A patient with a physician on the care team, and an admin, fresh for each bad input. */
    static final class Fixture {
        final Users patient = Users.patient();
        final Users physician = Users.physician();
        final Users admin = Users.admin();
        final UUID patientId;

        Fixture() {
            patientId = PatientEvents.registered(patient, List.of(), "mechanical", physician).id();
        }

        RequestSpecification asPatient() {
            return as(patient);
        }

        RequestSpecification asAdmin() {
            return as(admin);
        }

        Response putCheckIn(String body) {
            return as(patient).body(body).put(CHECK_IN, patientId, TODAY.toString());
        }

        Response checkIn(Consumer<Map<String, Object>> change) {
            Map<String, Object> body = Api.checkIn(5);
            change.accept(body);
            return putCheckIn(json(body));
        }

        Response checkInOn(String day) {
            return as(patient).body(json(Api.checkIn(5))).put(CHECK_IN, patientId, day);
        }

        Response post(String path, String body) {
            return as(patient).body(body).post(path, patientId);
        }

        Response exercise(Consumer<Map<String, Object>> change) {
            Map<String, Object> body = BadInputTest.exercise();
            change.accept(body);
            return post(EXERCISE, json(body));
        }

        Response intake(Consumer<Map<String, Object>> change) {
            Map<String, Object> body = BadInputTest.intake();
            change.accept(body);
            return post(INTAKE, json(body));
        }

        Response flareUp(Consumer<Map<String, Object>> change) {
            Map<String, Object> body = BadInputTest.flareUp();
            change.accept(body);
            return post(FLARE_UP, json(body));
        }

        Response odi(Consumer<Map<String, Object>> change) {
            Map<String, Object> body = BadInputTest.odi();
            change.accept(body);
            return post(ODI, json(body));
        }

        Snapshot snapshot() {
            List<Map<String, Object>> items = as(admin).queryParam("size", 100).get(TIMELINE, patientId).then()
                    .statusCode(200).extract().jsonPath().getList("items");
            List<String> timeline = items.stream()
                    .map(i -> i.get("kind") + " " + i.get("itemId") + " " + i.get("summary")).toList();
            int checkIns = as(admin).get("/patients/{id}/check-ins", patientId).then().statusCode(200)
                    .extract().path("total");
            int questionnaires = as(admin).get(ODI, patientId).then().statusCode(200).extract().path("total");
            return new Snapshot(timeline, checkIns, questionnaires);
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
