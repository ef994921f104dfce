package org.backcare.plan.patient;

import org.backcare.platform.patients.PatientProjection;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.UUID;

/** Reads the projection directly, for tests that must know an event has been applied. */
final class PatientProjectionProbe {

    private PatientProjectionProbe() {
    }

    static String familyName(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PatientProjection p = PatientProjection.findById(patientId);
            return p == null ? null : p.familyName;
        });
    }
}
