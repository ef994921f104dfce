package org.backcare.notification.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.backcare.notification.inbox.Notification;
import org.backcare.notification.testsupport.Api;
import org.backcare.notification.testsupport.Awaiting;
import org.backcare.notification.testsupport.Mailbox;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.notification.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class EmailTest {

    @Inject
    DataSource dataSource;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Test
    void anUrgentRedFlagIsMailedOnceToThePhysicianAndOnceToThePatient() throws Exception {
        Users physician = Users.physician();
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician);

        redFlag(patient);

        MimeMessage toPhysician = Mailbox.awaitTo(physician.email()).get(0);
        MimeMessage toPatient = Mailbox.awaitTo(patientLogin.email()).get(0);
        assertThat(Mailbox.subject(toPhysician)).isEqualTo("[BackCare] URGENT red flag: Anna Berg");
        assertThat(Mailbox.body(toPhysician)).contains("saddle anaesthesia").contains("acknowledge");
        assertThat(Mailbox.from(toPhysician)).isEqualTo("backcare@localhost");
        assertThat(toPhysician.getHeader("X-Priority")).containsExactly("1");
        assertThat(Mailbox.subject(toPatient)).isEqualTo("[BackCare] Please read: when to seek urgent care");
        assertThat(Mailbox.body(toPatient)).contains("seek urgent care now");

        // Several sender passes later there is still one each: sent rows are not sent again.
        Thread.sleep(1500);
        assertThat(Mailbox.to(physician.email())).hasSize(1);
        assertThat(Mailbox.to(patientLogin.email())).hasSize(1);
        assertThat(rowsFor(physician.subject(), "red-flag")).singleElement().satisfies(m -> {
            assertThat(m.status).isEqualTo(EmailMessage.SENT);
            assertThat(m.attempts).isEqualTo(1);
            assertThat(m.urgent).isTrue();
            assertThat(m.sentAt).isNotNull();
        });
    }

    @Test
    void inQuietHoursOnlyUrgentMailGoesOutTheRestWaitsUntilTheyEnd() {
        Users physician = Users.physician();
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician);
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        ZonedDateTime now = ZonedDateTime.now(stockholm);
        ZonedDateTime end = now.plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> prefs = Api.preferences(true);
        prefs.put("quietHours", Map.of("start", now.minusHours(1).format(HH_MM), "end", end.format(HH_MM)));
        prefs.put("timeZone", stockholm.getId());
        Api.savePreferences(patientLogin, prefs);

        UUID trend = improvingTrend(patient);
        Awaiting.handled(trend);
        redFlag(patient);

        List<MimeMessage> received = Mailbox.awaitTo(patientLogin.email());
        assertThat(received).extracting(Mailbox::subject)
                .containsExactly("[BackCare] Please read: when to seek urgent care");
        // The physician has no quiet hours: the same non-urgent news reached them at once.
        Awaiting.until(() -> Mailbox.to(physician.email()).stream()
                        .anyMatch(m -> Mailbox.subject(m).equals("[BackCare] Improving: Anna Berg")),
                java.time.Duration.ofSeconds(30), "the physician's improving-trend mail");
        assertThat(Mailbox.to(patientLogin.email())).hasSize(1);
        assertThat(rowsFor(patientLogin.subject(), "improving-trend")).singleElement().satisfies(m -> {
            assertThat(m.status).isEqualTo(EmailMessage.PENDING);
            assertThat(m.attempts).isZero();
            assertThat(m.notBefore).isEqualTo(end.toInstant());
            assertThat(m.nextAttemptAt).isEqualTo(end.toInstant());
        });
        assertThat(rowsFor(patientLogin.subject(), "urgent-care-guidance")).singleElement()
                .satisfies(m -> assertThat(m.status).isEqualTo(EmailMessage.SENT));
    }

    @Test
    void aDueQuestionnaireWaitsForTheEndOfQuietHoursAndAnOverdueOneReachesTheOwningDiscipline() {
        Users physician = Users.physician();
        Users psychologist = Users.psychologist();
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician, psychologist);
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        ZonedDateTime now = ZonedDateTime.now(stockholm);
        ZonedDateTime end = now.plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> prefs = Api.preferences(true);
        prefs.put("quietHours", Map.of("start", now.minusHours(1).format(HH_MM), "end", end.format(HH_MM)));
        prefs.put("timeZone", stockholm.getId());
        Api.savePreferences(patientLogin, prefs);

        String planId = UUID.randomUUID().toString();
        UUID due = UUID.randomUUID();
        PatientEvents.sendTo("plan-events", PatientEvents.envelope(due, "AssessmentDue", patient.id(),
                JSON.createObjectNode().put("planId", planId).put("instrument", "phq-9").put("dueDay", "2026-12-07")
                        .put("discipline", "psychologist")).put("source", "plan-service"));
        UUID overdue = UUID.randomUUID();
        PatientEvents.sendTo("plan-events", PatientEvents.envelope(overdue, "AssessmentOverdue", patient.id(),
                JSON.createObjectNode().put("planId", planId).put("instrument", "phq-9").put("dueDay", "2026-11-30")
                        .put("daysOverdue", 7).put("discipline", "psychologist")).put("source", "plan-service"));
        Awaiting.handled(due);
        Awaiting.handled(overdue);

        // The reminder is in the patient's inbox at once; its e-mail waits for the end of the quiet hours.
        assertThat(rowsFor(patientLogin.subject(), "assessment-due")).singleElement().satisfies(m -> {
            assertThat(m.status).isEqualTo(EmailMessage.PENDING);
            assertThat(m.notBefore).isEqualTo(end.toInstant());
        });
        // The psychologist owns the PHQ-9 and hears that it is overdue; the physician does not.
        Awaiting.until(() -> Mailbox.to(psychologist.email()).stream()
                        .anyMatch(m -> Mailbox.subject(m).equals("[BackCare] Questionnaire overdue: Anna Berg")),
                java.time.Duration.ofSeconds(30), "the psychologist's overdue mail");
        assertThat(rowsFor(physician.subject(), "assessment-overdue")).isEmpty();
        assertThat(Mailbox.to(patientLogin.email())).isEmpty();
    }

    @Test
    void withTheEmailChannelOffThereIsNoMail() {
        Users physician = Users.physician();
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician);
        Api.savePreferences(patientLogin, Api.preferences(false));

        redFlag(patient);

        Mailbox.awaitTo(physician.email());
        assertThat(rowsFor(patientLogin.subject(), "urgent-care-guidance")).isEmpty();
        assertThat(Mailbox.to(patientLogin.email())).isEmpty();
    }

    @Test
    void theAddressInThePreferencesWinsOverTheOneOnFile() {
        Users physician = Users.physician();
        String own = "on-call-" + UUID.randomUUID().toString().substring(0, 8) + "@clinic.example.org";
        Map<String, Object> prefs = Api.preferences(true);
        prefs.put("email", own);
        Api.savePreferences(physician, prefs);
        TestPatient patient = PatientEvents.registered(Users.patient(), List.of(), "mechanical", physician);

        redFlag(patient);

        assertThat(Mailbox.awaitTo(own)).extracting(Mailbox::subject).containsExactly("[BackCare] URGENT red flag: Anna Berg");
        assertThat(Mailbox.to(physician.email())).isEmpty();
    }

    @Test
    void aMessageThatCannotBeSentIsTriedAgainLaterAndGivenUpAfterTheLastAttempt() {
        // An address the mail client refuses stands in for an SMTP failure, without stopping the shared server.
        UUID firstTry = queue("not an address", 0);
        UUID lastTry = queue("still not an address", 7);

        Awaiting.until(() -> message(firstTry).attempts == 1 && message(lastTry).attempts == 8,
                java.time.Duration.ofSeconds(30), "both attempts");
        EmailMessage retried = message(firstTry);
        assertThat(retried.status).isEqualTo(EmailMessage.PENDING);
        assertThat(retried.lastError).contains("address");
        assertThat(retried.sentAt).isNull();
        // backcare.email.retry-delay (30s) after the first failure.
        assertThat(retried.nextAttemptAt).isBetween(Instant.now().plusSeconds(20), Instant.now().plusSeconds(31));
        EmailMessage givenUp = message(lastTry);
        assertThat(givenUp.status).isEqualTo(EmailMessage.FAILED);
        assertThat(givenUp.lastError).isNotBlank();

        // Out of the way of the other tests' mail.
        QuarkusTransaction.requiringNew().run(() -> EmailMessage.update("status = 'failed' where id = ?1", firstTry));
    }

    @Test
    void aDatabaseFailureAfterTheSmtpServerTookTheMessageDoesNotSendItAgain() throws Exception {
        String to = "restart-" + UUID.randomUUID() + "@example.org";
        // Marking this message sent fails once at commit, as when PostgreSQL restarts right after the SMTP exchange.
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            ddl.execute("create table if not exists email_fault (to_address text primary key)");
            ddl.execute("create sequence if not exists email_fault_once");
            ddl.execute("create or replace function email_fault_at_commit() returns trigger language plpgsql as $$ "
                    + "begin if new.status = 'sent' and exists (select 1 from email_fault f where f.to_address = new.to_address) "
                    + "and nextval('email_fault_once') = 1 then raise exception 'connection lost at commit'; end if; "
                    + "return new; end $$");
            ddl.execute("drop trigger if exists email_fault_at_commit on email_message");
            ddl.execute("create constraint trigger email_fault_at_commit after update on email_message "
                    + "deferrable initially deferred for each row execute function email_fault_at_commit()");
            try (PreparedStatement fault = c.prepareStatement("insert into email_fault values (?)")) {
                fault.setString(1, to);
                fault.executeUpdate();
            }
        }
        try {
            UUID id = queue(to, 0);

            Awaiting.until(() -> EmailMessage.SENT.equals(message(id).status), java.time.Duration.ofSeconds(30),
                    "the message marked sent");
            // Several sender passes after the failed commit there is still the one message.
            Thread.sleep(1500);
            assertThat(Mailbox.to(to)).hasSize(1);
            assertThat(message(id).attempts).isEqualTo(1);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
                ddl.execute("drop trigger if exists email_fault_at_commit on email_message");
            }
        }
    }

    /** Queues a message directly, as the channel would, for a notification nobody else sees. */
    private static UUID queue(String to, int attempts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.recipientSubject = UUID.randomUUID().toString();
            n.kind = "improving-trend";
            n.priority = "normal";
            n.title = "Test";
            n.message = "Test";
            n.createdAt = now;
            n.persist();
            EmailMessage m = new EmailMessage();
            m.id = UUID.randomUUID();
            m.notificationId = n.id;
            m.toAddress = to;
            m.subject = "[BackCare] Test";
            m.body = "Test";
            m.createdAt = now;
            m.notBefore = now;
            m.nextAttemptAt = now;
            m.status = EmailMessage.PENDING;
            m.attempts = attempts;
            m.persist();
            return m.id;
        });
    }

    private static EmailMessage message(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> EmailMessage.findById(id));
    }

    private static UUID redFlag(TestPatient patient) {
        ObjectNode data = JSON.createObjectNode();
        data.put("screeningId", UUID.randomUUID().toString());
        data.putArray("findings").addObject().put("redFlag", "cauda-equina").put("description", "saddle anaesthesia");
        data.put("screenedBy", patient.team().get(0).subject()).put("screenedAt", Instant.now().toString())
                .put("priority", "urgent");
        UUID id = UUID.randomUUID();
        PatientEvents.sendTo("patient-events", PatientEvents.envelope(id, "RedFlagRaised", patient.id(), data));
        return id;
    }

    private static UUID improvingTrend(TestPatient patient) {
        ObjectNode data = JSON.createObjectNode();
        data.put("alert", "improving-trend").put("priority", "normal")
                .put("message", "Average pain fell from 6 to 3 over four weeks.");
        data.putObject("details");
        data.put("raisedAt", Instant.now().toString());
        UUID id = UUID.randomUUID();
        PatientEvents.sendTo("tracking-events", PatientEvents.envelope(id, "ImprovingTrend", patient.id(), data));
        return id;
    }

    /** The queued e-mail for one recipient's notifications of one kind. */
    private static List<EmailMessage> rowsFor(String subject, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> EmailMessage.list(
                "notificationId in (select n.id from Notification n where n.recipientSubject = ?1 and n.kind = ?2)",
                subject, kind));
    }
}
