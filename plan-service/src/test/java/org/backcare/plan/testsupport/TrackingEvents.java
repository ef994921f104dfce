package org.backcare.plan.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.backcare.plan.assessment.CompletedAssessment;
import org.backcare.platform.testing.PatientEventFixtures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Publishes tracking-events the way tracking-service does (deploy/asyncapi.yaml, version 1), so tests drive the
 * completed-assessments projection through the real Kafka consumer.
 */
public final class TrackingEvents {

    private TrackingEvents() {
    }

    /**
     * An InstrumentCompleted envelope as the contract shapes it (the asyncapi example, with the given ids, instrument,
     * band and day); returns the JSON text.
     */
    public static String instrumentCompleted(UUID eventId, UUID patientId, UUID questionnaireId, String instrument,
                                             String band, LocalDate day) {
        return """
                {"id": "%s", "type": "InstrumentCompleted", "version": 1, "occurredAt": "%sT08:30:00Z",
                 "source": "tracking-service", "patientId": "%s",
                 "data": {"questionnaireId": "%s", "instrument": "%s", "version": "1", "day": "%s",
                   "score": 7, "prorated": false, "band": "%s", "bandLabel": "High risk",
                   "subscales": {"psychosocial": 4}, "flags": [], "higherIsWorse": true,
                   "previous": {"questionnaireId": "%s", "day": "%s", "score": 5},
                   "changePoints": 2, "mcidPoints": null, "clinicallyImportantChange": false, "direction": "worse"}}"""
                .formatted(eventId, day, patientId, questionnaireId, instrument, day, band, UUID.randomUUID(),
                        day.minusWeeks(4));
    }

    /** Sends an InstrumentCompleted and waits until plan-service has recorded the result. */
    public static UUID completed(UUID patientId, String instrument, String band, LocalDate day) {
        UUID questionnaireId = UUID.randomUUID();
        send(patientId, instrumentCompleted(UUID.randomUUID(), patientId, questionnaireId, instrument, band, day));
        awaitRecorded(questionnaireId);
        return questionnaireId;
    }

    public static void send(UUID patientId, String envelope) {
        PatientEventFixtures.send("tracking-events", patientId.toString(), envelope);
    }

    public static void awaitRecorded(UUID questionnaireId) {
        Awaiting.until(() -> recorded(questionnaireId) != null, Duration.ofSeconds(30),
                "assessment " + questionnaireId + " recorded");
    }

    /** The recorded result, read directly, or null. */
    public static CompletedAssessment recorded(UUID questionnaireId) {
        return QuarkusTransaction.requiringNew().call(() -> CompletedAssessment.findById(questionnaireId));
    }
}
