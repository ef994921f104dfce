package org.backcare.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.backcare.client.notification.api.InboxApi;
import org.backcare.client.notification.model.Notification;
import org.backcare.client.notification.model.PageOfNotificationView;
import org.backcare.client.notification.model.Priority;
import org.backcare.client.patient.api.CareTeamApi;
import org.backcare.client.patient.api.PatientsApi;
import org.backcare.client.patient.model.CareTeamMemberRequest;
import org.backcare.client.patient.model.CareTeamRole;
import org.backcare.client.patient.model.PainType;
import org.backcare.client.patient.model.Patient;
import org.backcare.client.patient.model.PatientRequest;
import org.backcare.client.patient.model.Sex;
import org.backcare.client.plan.api.PlanSectionsApi;
import org.backcare.client.plan.api.PlansApi;
import org.backcare.client.plan.model.ExerciseSection;
import org.backcare.client.plan.model.ExercisesPlanSection;
import org.backcare.client.plan.model.NewPlan;
import org.backcare.client.plan.model.Plan;
import org.backcare.client.plan.model.PlanSection;
import org.backcare.client.plan.model.PrescribedExercise;
import org.backcare.client.plan.model.ReplaceSectionRequest;
import org.backcare.client.plan.model.SectionKind;
import org.backcare.client.plan.model.Template;
import org.backcare.client.tracking.api.CheckInsApi;
import org.backcare.client.tracking.api.TimelineApi;
import org.backcare.client.tracking.api.TrendsApi;
import org.backcare.client.tracking.model.CheckIn;
import org.backcare.client.tracking.model.CheckInRequest;
import org.backcare.client.tracking.model.PageOfEntryView;
import org.backcare.client.tracking.model.RedFlagSymptom;
import org.backcare.client.tracking.model.TimelineEntry;
import org.backcare.client.tracking.model.TrendSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A week of care told through the generated Java clients only, against the stack deploy/up.sh started (run with
 * {@code -Dbackcare.stack=local}; .ci/run does, after the smoke test). If a contract in openapi.yaml is wrong, a
 * call here fails to compile or to (de)serialize. The one hand-made HTTP call is the Keycloak token request, which
 * is not a BackCare API. The integrator at the end authenticates as SMART Backend Services asks: discovery, then a
 * token for a JWT signed with the key up.sh generated ({@code -Dbackcare.integrator.key}, default under
 * deploy/.data).
 */
@EnabledIfSystemProperty(named = "backcare.stack", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CareStoryTest {

    private static final String HOUSE = "10000000-0000-4000-8000-000000000001";
    private static final String JONES = "20000000-0000-4000-8000-000000000001";
    private static final String MILLER = "30000000-0000-4000-8000-000000000001";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String INTEGRATOR_JWT_CLIENT = "backcare-integrator-jwt";

    private static Users users;
    private static UUID patientId;
    private static UUID planId;

    @BeforeAll
    static void tokens() {
        users = new Users(System.getProperty("backcare.token-url",
                "http://127.0.0.1:18080/realms/backcare/protocol/openid-connect/token"));
    }

    @Test
    @Order(1)
    void physicianRegistersAPatientAndBuildsTheCareTeam() throws Exception {
        PatientsApi patients = new PatientsApi(Clients.patient(users.token("dr.house")));
        Patient registered = patients.registerPatient(new PatientRequest()
                .givenName("Clara").familyName("Story" + System.currentTimeMillis())
                .birthDate(LocalDate.of(1975, 6, 1)).sex(Sex.FEMALE)
                .painOnsetDate(LocalDate.now().minusMonths(8)).painType(PainType.MECHANICAL)
                .painTypeRationale("Worse with sitting, eases with walking"), UUID.randomUUID().toString());
        patientId = registered.getId();
        assertThat(registered.getCareTeam()).anyMatch(m -> HOUSE.equals(m.getSubject()));

        CareTeamApi team = new CareTeamApi(Clients.patient(users.token("dr.house")));
        team.addCareTeamMember(patientId, new CareTeamMemberRequest().subject(JONES)
                .role(CareTeamRole.PHYSICAL_THERAPIST).displayName("Paula Jones, PT"), null);
        team.addCareTeamMember(patientId, new CareTeamMemberRequest().subject(MILLER)
                .role(CareTeamRole.PSYCHOLOGIST).displayName("Sam Miller"), null);
        assertThat(team.listCareTeam(patientId)).extracting(m -> m.getRole())
                .contains(CareTeamRole.PHYSICIAN, CareTeamRole.PHYSICAL_THERAPIST, CareTeamRole.PSYCHOLOGIST);

        // A client holding the current version is told so without a body (If-None-Match, 304).
        var read = patients.getPatientWithHttpInfo(patientId, null);
        String etag = header(read.getHeaders(), "etag");
        var unchanged = catchThrowableOfType(org.backcare.client.patient.ApiException.class,
                () -> patients.getPatient(patientId, etag));
        assertThat(unchanged == null ? 200 : unchanged.getCode()).as("If-None-Match with the current ETag").isEqualTo(304);
    }

    @Test
    @Order(2)
    void physicianCreatesAPlanAndThePhysicalTherapistEditsTheExercisesWithIfMatch() throws Exception {
        PlansApi plans = new PlansApi(Clients.plan(users.token("dr.house")));
        // plan-service learns of the patient and its team from patient-events.
        Plan plan = eventually(() -> plans.createPlan(patientId,
                new NewPlan().title("Back to gardening by spring").template(Template.MECHANICAL), null));
        planId = plan.getId();
        PlanSection exercises = plan.getSections().get("exercises");
        assertThat(exercises.getActualInstance()).isInstanceOf(ExercisesPlanSection.class);
        assertThat(exercises.getExercisesPlanSection().getContent().getExercises()).isNotEmpty();

        PlanSectionsApi sections = new PlanSectionsApi(Clients.plan(users.token("pt.jones")));
        var read = eventually(() -> sections.getSectionWithHttpInfo(planId, SectionKind.EXERCISES, null));
        String etag = header(read.getHeaders(), "etag");
        ExerciseSection content = read.getData().getExercisesPlanSection().getContent();
        PrescribedExercise first = content.getExercises().get(0);
        first.getDose().setReps(10);
        content.setNotes("Progressed to 10 reps");

        PlanSection saved = sections.replaceSection(planId, SectionKind.EXERCISES, new ReplaceSectionRequest(content), etag);
        ExercisesPlanSection savedExercises = saved.getExercisesPlanSection();
        assertThat(savedExercises.getUpdatedBy()).isEqualTo(JONES);
        assertThat(savedExercises.getContent().getExercises().get(0).getDose().getReps()).isEqualTo(10);

        // Another edit based on the old version is refused, not silently merged.
        var stale = catchThrowableOfType(org.backcare.client.plan.ApiException.class,
                () -> sections.replaceSection(planId, SectionKind.EXERCISES, new ReplaceSectionRequest(content), etag));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(stale.getResponseBody()).contains("\"status\":412");
    }

    @Test
    @Order(3)
    void aCheckInWithARedFlagReachesThePhysiciansInboxAndIsAcknowledged() throws Exception {
        CheckInsApi checkIns = new CheckInsApi(Clients.tracking(users.token("dr.house")));
        LocalDate today = LocalDate.now();
        CheckIn checkIn = eventually(() -> checkIns.recordCheckIn(today, patientId, new CheckInRequest()
                .pain(7).sleepQuality(4).addRedFlagsItem(RedFlagSymptom.SADDLE_NUMBNESS), null));
        assertThat(checkIn.getPain()).isEqualTo(7);

        PageOfEntryView timeline = new TimelineApi(Clients.tracking(users.token("pt.jones")))
                .getTimeline(patientId, null, null, null, null, null);
        assertThat(timeline.getItems()).anyMatch(e -> e.getKind() == TimelineEntry.KindEnum.CHECK_IN);
        TrendSummary trend = new TrendsApi(Clients.tracking(users.token("psy.miller"))).getTrends(patientId, null);
        assertThat(trend.getDaysLogged()).isEqualTo(1);

        InboxApi inbox = new InboxApi(Clients.notification(users.token("dr.house")));
        Notification alert = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
            PageOfNotificationView page = inbox.listNotifications("red-flag", null, patientId, Priority.URGENT, null, null);
            return page.getItems().isEmpty() ? null : page.getItems().get(0);
        }, n -> n != null);
        assertThat(alert.getAlert().getAcknowledged()).isFalse();

        Notification acknowledged = inbox.acknowledgeNotification(alert.getId(), UUID.randomUUID().toString());
        assertThat(acknowledged.getAlert().getAcknowledged()).isTrue();
        assertThat(acknowledged.getAlert().getAcknowledgedBy()).isEqualTo(HOUSE);
        assertThat(acknowledged.getAlert().getNextEscalationAt()).isNull();
    }

    @Test
    @Order(4)
    void theFhirApiServesThePatientAndThePlan() throws Exception {
        var patientFhir = new org.backcare.client.patient.api.FhirApi(Clients.patient(users.token("dr.house")));
        var fhirPatient = patientFhir.readFhirPatient(patientId.toString(), null);
        assertThat(fhirPatient.getResourceType()).isEqualTo("Patient");
        assertThat(fhirPatient.getId()).isEqualTo(patientId.toString());

        var planFhir = new org.backcare.client.plan.api.FhirApi(Clients.plan(users.token("dr.house")));
        var carePlans = eventually(() -> planFhir.searchFhir("CarePlan", "Patient/" + patientId, null, null, 50, null, null));
        assertThat(carePlans.getEntry()).anyMatch(e -> planId.toString().equals(e.getResource().getId()));
    }

    @Test
    @Order(5)
    void anIntegratorAuthenticatesWithASignedJwtAndExportsThePatients() throws Exception {
        // SMART Backend Services: discovery needs no token and names the token endpoint and private_key_jwt.
        var smart = new org.backcare.client.patient.api.SmartBackendServicesApi(Clients.patient(null))
                .getSmartConfiguration();
        assertThat(smart.getTokenEndpointAuthMethodsSupported()).contains("private_key_jwt");
        assertThat(smart.getTokenEndpointAuthSigningAlgValuesSupported()).contains("RS384");
        assertThat(smart.getCapabilities()).contains("client-confidential-asymmetric");
        assertThat(smart.getGrantTypesSupported()).containsExactly("client_credentials");

        Path key = Path.of(System.getProperty("backcare.integrator.key", "../deploy/.data/integrator-jwt/private-key.pem"));
        assertThat(key).as("the integrator's private key, which deploy/up.sh generates").isRegularFile();
        PrivateKeyJwt integrator = new PrivateKeyJwt(INTEGRATOR_JWT_CLIENT, key);
        // The scopes the server lists (the realm's "roles"); an integrator's reach follows from its role, not its scope.
        String scope = smart.getScopesSupported() == null ? "" : String.join(" ", smart.getScopesSupported());
        String token = users.clientCredentials(smart.getTokenEndpoint(), integrator.tokenRequest(smart.getTokenEndpoint(), scope));

        var fhirPatient = new org.backcare.client.patient.api.FhirApi(Clients.patient(token))
                .readFhirPatient(patientId.toString(), null);
        assertThat(fhirPatient.getId()).isEqualTo(patientId.toString());

        // A Bulk Data export with that token, to its manifest.
        var export = new org.backcare.client.patient.api.FhirBulkDataExportApi(Clients.patient(token));
        var kickOff = export.exportPatientsWithHttpInfo(null, null, List.of("Patient"), "respond-async");
        assertThat(kickOff.getStatusCode()).isEqualTo(202);
        String status = header(kickOff.getHeaders(), "content-location");
        String job = status.substring(status.lastIndexOf('/') + 1);
        var manifest = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> export.getExportStatusWithHttpInfo(job), r -> r.getStatusCode() == 200).getData();
        assertThat(manifest.getOutput()).isNotEmpty().allMatch(file -> "Patient".equals(file.getType()));
        assertThat(manifest.getError()).isEmpty();
    }

    /** Retries while another service has not yet projected what this one published (404 until then). */
    private static <T> T eventually(Callable<T> call) {
        return await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsMatching(CareStoryTest::notYetProjected).until(call, r -> r != null);
    }

    private static boolean notYetProjected(Throwable e) {
        String name = e.getClass().getSimpleName();
        return name.equals("ApiException") && e.getMessage() != null
                && (e.getMessage().contains("404") || e.getMessage().contains("403"));
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow();
    }

    /** Base URLs of the four services (deploy/lib/common.sh's ports unless overridden); a null token sends none. */
    static final class Clients {
        static org.backcare.client.patient.ApiClient patient(String token) {
            var client = new org.backcare.client.patient.ApiClient();
            client.updateBaseUri(url("patient", 8081));
            if (token != null) {
                client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
            }
            return client;
        }

        static org.backcare.client.plan.ApiClient plan(String token) {
            var client = new org.backcare.client.plan.ApiClient();
            client.updateBaseUri(url("plan", 8082));
            if (token != null) {
                client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
            }
            return client;
        }

        static org.backcare.client.tracking.ApiClient tracking(String token) {
            var client = new org.backcare.client.tracking.ApiClient();
            client.updateBaseUri(url("tracking", 8083));
            if (token != null) {
                client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
            }
            return client;
        }

        static org.backcare.client.notification.ApiClient notification(String token) {
            var client = new org.backcare.client.notification.ApiClient();
            client.updateBaseUri(url("notification", 8084));
            if (token != null) {
                client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
            }
            return client;
        }

        private static String url(String service, int port) {
            return System.getProperty("backcare.stack." + service, "http://127.0.0.1:" + port);
        }
    }

    /** Tokens from Keycloak: the demo users' (password grant on the public front-end client) and a machine client's. */
    static final class Users {
        private final String tokenUrl;
        private final HttpClient http = HttpClient.newHttpClient();
        private final ObjectMapper json = new ObjectMapper();

        Users(String tokenUrl) {
            this.tokenUrl = tokenUrl;
        }

        String token(String user) throws IOException, InterruptedException {
            String form = "grant_type=password&client_id=backcare-app&username=" + enc(user) + "&password=" + enc(user + "-pw");
            return accessToken(tokenUrl, form, user);
        }

        /** A machine client's token: the form is a client_credentials request with its own authentication. */
        String clientCredentials(String tokenEndpoint, String form) throws IOException, InterruptedException {
            return accessToken(tokenEndpoint, form, "the integrator (signed JWT)");
        }

        private String accessToken(String url, String form, String who) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("token for %s: %s", who, response.body()).isEqualTo(200);
            return json.readTree(response.body()).get("access_token").asText();
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
