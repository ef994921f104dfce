package org.backcare.notification.inbox;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.notification.testsupport.Events;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.notification.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Server-Sent Events stream pushes a new notification to its recipient, and only to them, from any instance. */
@QuarkusTest
class LiveStreamTest {

    @TestHTTPResource("/notifications/stream")
    URI stream;

    @Inject
    DataSource dataSource;

    @Test
    void aConnectedClientReceivesItsNewNotification() throws Exception {
        Users doc = Users.physician();
        Users other = Users.physician();
        TestPatient p = PatientEvents.registered(Users.patient(), List.of(), "mechanical", doc);
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<Stream<String>> mine = connect(client, doc);
        HttpResponse<Stream<String>> theirs = connect(client, other);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));

        Events.redFlagRaised(p.id(), doc.subject());

        CompletableFuture<Optional<String>> line = CompletableFuture.supplyAsync(
                () -> mine.body().filter(l -> l.startsWith("data:")).findFirst());
        String data = line.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(data).contains("\"kind\":\"red-flag\"").contains(p.id().toString()).contains("\"priority\":\"urgent\"");

        CompletableFuture<Optional<String>> notForThem = CompletableFuture.supplyAsync(
                () -> theirs.body().filter(l -> l.startsWith("data:")).findFirst());
        Thread.sleep(1000);
        assertThat(notForThem).isNotDone();
        notForThem.cancel(true);
    }

    @Test
    void aNotificationCommittedByAnotherInstanceReachesTheStream() throws Exception {
        Users doc = Users.physician();
        HttpResponse<Stream<String>> mine = connect(HttpClient.newHttpClient(), doc);
        CompletableFuture<Optional<String>> line = CompletableFuture.supplyAsync(
                () -> mine.body().filter(l -> l.startsWith("data:")).findFirst());

        // Another instance shares the database, not this JVM: it stores the row and notifies, as Inbox does there.
        UUID id = UUID.randomUUID();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into notification (id, recipient_subject, "
                    + "kind, priority, title, message, created_at) values (?, ?, 'worsening', 'high', 'Worse', 'Pain up', now())");
                 PreparedStatement notify = other.prepareStatement("select pg_notify('backcare_notification', ?)")) {
                insert.setObject(1, id);
                insert.setString(2, doc.subject());
                insert.executeUpdate();
                notify.setString(1, id.toString());
                notify.execute();
            }
            Thread.sleep(300);
            assertThat(line).as("nothing is pushed before the commit").isNotDone();
            other.commit();
        }

        String data = line.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(data).contains(id.toString()).contains("\"kind\":\"worsening\"").contains("\"title\":\"Worse\"");
    }

    @Test
    void aQuietStreamCarriesKeepAliveComments() throws Exception {
        HttpResponse<Stream<String>> quiet = connect(HttpClient.newHttpClient(), Users.physician());
        CompletableFuture<Optional<String>> comment = CompletableFuture.supplyAsync(
                () -> quiet.body().filter(l -> l.startsWith(":")).findFirst());
        // The test profile sends one every second; proxies cut a stream that stays silent for their idle timeout.
        assertThat(comment.get(10, TimeUnit.SECONDS)).hasValueSatisfying(l -> assertThat(l).contains("keep-alive"));
    }

    @Test
    void theStreamNeedsAToken() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<Stream<String>> connect(HttpClient client, Users user) throws Exception {
        // The response (headers) arrives once the server has subscribed this client to the feed.
        return client.sendAsync(HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + user.token()).build(),
                HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
    }
}
