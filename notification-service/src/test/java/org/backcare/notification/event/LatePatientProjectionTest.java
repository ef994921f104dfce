package org.backcare.notification.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.notification.inbox.Notification;
import org.backcare.notification.testsupport.Awaiting;
import org.backcare.notification.testsupport.Events;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics are consumed independently: after a restart, tracking-events may be read before patient-events has
 * described a new patient. The urgent alert must still reach the patient's physician, not the admins' queue.
 */
@QuarkusTest
class LatePatientProjectionTest {

    @Test
    void aRedFlagThatOvertakesThePatientsRegistrationReachesTheirPhysician() throws InterruptedException {
        Users physician = Users.physician();
        Users patient = Users.patient();
        UUID patientId = UUID.randomUUID();
        Events.trackingAlert("RedFlagSymptomReported", "red-flag-symptom", "urgent", patientId,
                "Red-flag symptom reported today: saddle-numbness.");
        // patient-events runs two seconds behind: the registration arrives after the alert has been read.
        Thread.sleep(2000);
        PatientEvents.send(PatientEvents.envelope(UUID.randomUUID(), "PatientRegistered", patientId,
                PatientEvents.snapshot(patient, List.of(), "mechanical", List.of(physician))));

        Awaiting.until(() -> !notifications(patientId).isEmpty(), Duration.ofSeconds(30), "the red-flag notification");
        assertThat(notifications(patientId)).extracting(n -> n.recipientSubject)
                .containsExactly(physician.subject());
        assertThat(notifications(patientId)).extracting(n -> n.recipientRole).containsOnlyNulls();
    }

    private static List<Notification> notifications(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Notification.<Notification>list("patientId = ?1 and kind = 'red-flag'", patientId));
    }
}
