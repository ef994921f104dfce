package org.backcare.notification.reminder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.notification.inbox.Notification;
import org.backcare.notification.patient.PatientProjection;
import org.backcare.notification.testsupport.Api;
import org.backcare.notification.testsupport.Awaiting;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.notification.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DailyReminderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPatientWhoHasNotCheckedInIsRemindedOnceAndOneWhoHasIsNot() throws Exception {
        // The test profile has no default reminder time: only patients who chose one are reminded.
        LocalDate today = LocalDate.now(ZoneId.of(ConfigProvider.getConfig().getValue("backcare.time-zone", String.class)));
        Users forgetful = Users.patient();
        Users diligent = Users.patient();
        Users noTimeChosen = Users.patient();
        PatientEvents.registered(noTimeChosen, List.of(), "mechanical", Users.physician());
        TestPatient remindMe = PatientEvents.registered(forgetful, List.of(), "mechanical", Users.physician());
        TestPatient checkedIn = PatientEvents.registered(diligent, List.of(), "mechanical", Users.physician());
        UUID checkIn = checkInRecorded(checkedIn, today);
        Awaiting.handled(checkIn);

        Map<String, Object> atMidnight = Api.preferences(false);
        atMidnight.put("checkInReminderTime", "00:00");
        Api.savePreferences(forgetful, atMidnight);
        Api.savePreferences(diligent, atMidnight);

        Awaiting.until(() -> reminders(forgetful) == 1, Duration.ofSeconds(30), "the daily reminder");
        // Passes run every 500 ms; several more must not remind again today.
        Thread.sleep(2500);
        assertThat(reminders(forgetful)).isEqualTo(1);
        assertThat(reminders(diligent)).isZero();
        assertThat(reminders(noTimeChosen)).isZero();

        Notification reminder = QuarkusTransaction.requiringNew().call(() ->
                Notification.<Notification>find("recipientSubject = ?1 and kind = ?2", forgetful.subject(), Reminders.KIND)
                        .singleResult());
        assertThat(reminder.priority).isEqualTo("normal");
        assertThat(reminder.patientId).isEqualTo(remindMe.id());
        assertThat(reminder.title).isEqualTo("Time for your daily check-in");
        PatientProjection projection = QuarkusTransaction.requiringNew().call(() -> PatientProjection.findById(remindMe.id()));
        assertThat(projection.lastRemindedOn).isEqualTo(today);
    }

    private static long reminders(Users patient) {
        return QuarkusTransaction.requiringNew().call(() ->
                Notification.count("recipientSubject = ?1 and kind = ?2", patient.subject(), Reminders.KIND));
    }

    private static UUID checkInRecorded(TestPatient patient, LocalDate day) {
        ObjectNode data = JSON.createObjectNode();
        data.put("checkInId", UUID.randomUUID().toString()).put("day", day.toString()).put("pain", 4);
        UUID id = UUID.randomUUID();
        PatientEvents.sendTo("tracking-events", PatientEvents.envelope(id, "CheckInRecorded", patient.id(), data));
        return id;
    }
}
