package org.backcare.tracking.testsupport;

import org.backcare.platform.testing.Users;
import java.time.Duration;
import java.util.UUID;

import static org.backcare.tracking.testsupport.Api.as;

/** Waits, boundedly, for what the Kafka consumer does asynchronously. */
public final class Awaiting extends org.backcare.platform.testing.Awaiting {

    private Awaiting() {
    }

    /** Until {@code user} can read the patient's timeline (the projection knows the patient and the team). */
    public static void projected(UUID patientId, Users user) {
        until(() -> as(user).get("/patients/{id}/timeline", patientId).statusCode() == 200, Duration.ofSeconds(30),
                "patient " + patientId + " projected for " + user.role());
    }
}
