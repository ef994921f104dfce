package org.backcare.notification.api;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.LockModeType;
import org.backcare.notification.inbox.Notification;
import org.backcare.notification.testsupport.Awaiting;
import org.backcare.notification.testsupport.Events;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.notification.testsupport.PatientEvents.TestPatient;
import org.backcare.notification.webhook.WebhookEndpoint;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.notification.testsupport.Api.as;
import static org.backcare.notification.testsupport.Api.awaitInbox;

/**
 * The same request sent many times at once (a double-clicking front end, a client retrying on a timeout) ends as one
 * such request would: never a 5xx, the change made once, every answer the one a single request gets. To make the
 * race certain rather than likely, the test holds the row locked until several of the requests wait on it.
 */
@QuarkusTest
class ConcurrentRequestsTest {

    private static final int PARALLEL = 20;

    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL + 1);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void acknowledgingOneAlertManyTimesAtOnceAcknowledgesItOnce() throws Exception {
        Users doc = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        Events.redFlagRaised(p.id(), doc.subject());
        String id = (String) awaitInbox(doc, p.id(), "red-flag", 1).get(0).get("id");
        String token = doc.token();

        List<Response> answers = allWhileLocked(Notification.class, UUID.fromString(id), () -> given().auth()
                .oauth2(token).accept(ContentType.JSON).post("/notifications/{id}/acknowledgement", id));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(a -> a.path("alert.acknowledgedBy")).containsOnly(doc.subject());
        // One acknowledgement: every answer reports the same moment, and so does the alert afterwards.
        String acknowledgedAt = answers.get(0).path("alert.acknowledgedAt");
        assertThat(acknowledgedAt).isNotNull();
        assertThat(answers).extracting(a -> a.<String>path("alert.acknowledgedAt")).containsOnly(acknowledgedAt);
        assertThat(answers).extracting(a -> a.<String>path("readAt")).containsOnly(answers.get(0).<String>path("readAt"));
        Response stored = as(doc).get("/notifications/{id}", id);
        assertThat(stored.<String>path("alert.acknowledgedAt")).isEqualTo(acknowledgedAt);
        String alertId = stored.path("alert.id");
        Response alert = as(doc).get("/alerts/{id}", alertId);
        assertThat(alert.statusCode()).isEqualTo(200);
        assertThat(alert.<String>path("acknowledgedAt")).isEqualTo(acknowledgedAt);
        assertThat(alert.<Integer>path("escalationLevel")).isEqualTo(stored.<Integer>path("alert.escalationLevel"));
        assertThat(alert.<String>path("nextEscalationAt")).isNull();
    }

    @Test
    void markingOneNotificationReadManyTimesAtOnceMarksItOnce() throws Exception {
        Users doc = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        Events.trackingAlert("WorseningTrend", "worsening-trend", "high", p.id(), "Pain rising");
        String id = (String) awaitInbox(doc, p.id(), "worsening-trend", 1).get(0).get("id");
        String token = doc.token();

        List<Response> answers = allWhileLocked(Notification.class, UUID.fromString(id), () -> given().auth()
                .oauth2(token).accept(ContentType.JSON).post("/notifications/{id}/read", id));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(a -> a.<Boolean>path("read")).containsOnly(true);
        String readAt = answers.get(0).path("readAt");
        assertThat(answers).extracting(a -> a.<String>path("readAt")).containsOnly(readAt);
        assertThat(as(doc).get("/notifications/{id}", id).<String>path("readAt")).isEqualTo(readAt);
    }

    @Test
    void deletingOneWebhookManyTimesAtOnceAnswers204OnceAnd404ForTheRest() throws Exception {
        Users integrator = Users.integrator();
        String token = integrator.token();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://integrations.example.org/backcare/hooks"))
                .post("/webhooks").then().statusCode(201).extract().path("id");

        List<Response> answers = allWhileLocked(WebhookEndpoint.class, UUID.fromString(id),
                () -> given().auth().oauth2(token).delete("/webhooks/{id}", id));

        // As when the deletes come one after another: the first removes it, the others find nothing to remove.
        assertThat(answers).extracting(Response::statusCode).containsOnly(204, 404);
        assertThat(answers).filteredOn(a -> a.statusCode() == 204).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 404)
                .allSatisfy(a -> assertThat(a.contentType()).startsWith("application/problem+json"));
        given().auth().oauth2(token).get("/webhooks/{id}", id).then().statusCode(404);
    }

    /**
     * Sends the request {@link #PARALLEL} times at once while another transaction holds the entity's row locked, lets
     * the row go once several requests wait for it, and returns every answer.
     */
    private List<Response> allWhileLocked(Class<?> entity, UUID id, Supplier<Response> request) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().find(entity, id, LockModeType.PESSIMISTIC_WRITE);
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(request::get));
            }
            Awaiting.until(() -> waitingForLocks() >= 3, Duration.ofSeconds(30), "requests waiting for the row");
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** Database sessions blocked on a lock another session holds. */
    private static long waitingForLocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                        + "and datname = current_database()").getSingleResult()).longValue());
    }
}
