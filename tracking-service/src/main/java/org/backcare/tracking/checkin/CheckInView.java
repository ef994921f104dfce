package org.backcare.tracking.checkin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A check-in as the API shows it; {@code version} is its ETag. */
@Schema(name = "CheckIn")
public record CheckInView(UUID id, UUID patientId, LocalDate day, long version, int pain, List<String> locations,
                          List<String> painCharacter, boolean legSymptoms, Integer functionScore, BigDecimal sleepHours,
                          Integer sleepQuality, Integer mood, Integer stress, List<String> triggers,
                          List<String> relievers, String note, List<String> redFlags, String recordedBy,
                          Instant recordedAt, Instant updatedAt) {

    public static CheckInView of(CheckIn c) {
        return new CheckInView(c.id, c.patientId, c.day, c.version, c.pain, c.locations, c.painCharacter, c.legSymptoms,
                c.functionScore, c.sleepHours, c.sleepQuality, c.mood, c.stress, c.triggers, c.relievers, c.note,
                c.redFlags, c.recordedBy, c.recordedAt, c.updatedAt);
    }
}
