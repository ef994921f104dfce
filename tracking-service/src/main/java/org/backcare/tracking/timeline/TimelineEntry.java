package org.backcare.tracking.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One line of the patient's timeline, written with the item it points to. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;
    public Instant at;
    /** check-in, exercise-session, medication-intake, flare-up, questionnaire, alert. */
    public String kind;
    public UUID itemId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> summary;

    /** Adds a timeline line, or replaces the one of the same item (a check-in updated later that day). */
    public static void record(UUID patientId, Instant at, String kind, UUID itemId, Map<String, Object> summary) {
        TimelineEntry existing = TimelineEntry.<TimelineEntry>find("itemId", itemId).firstResult();
        TimelineEntry entry = existing != null ? existing : new TimelineEntry();
        if (existing == null) {
            entry.id = UUID.randomUUID();
            entry.itemId = itemId;
            entry.patientId = patientId;
            entry.kind = kind;
        }
        entry.at = at;
        entry.summary = summary;
        if (existing == null) {
            entry.persist();
        }
    }
}
