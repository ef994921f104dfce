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

    /** Adds the timeline line of a new item (a session, an intake, an alert...): no lookup on the write path. */
    public static void add(UUID patientId, Instant at, String kind, UUID itemId, Map<String, Object> summary) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.itemId = itemId;
        entry.patientId = patientId;
        entry.kind = kind;
        entry.at = at;
        entry.summary = summary;
        entry.persist();
    }

    /** Adds the line of an item that may already have one (a check-in updated later that day), or replaces it. */
    public static void addOrReplace(UUID patientId, Instant at, String kind, UUID itemId, Map<String, Object> summary) {
        TimelineEntry existing = TimelineEntry.<TimelineEntry>find("itemId", itemId).firstResult();
        if (existing == null) {
            add(patientId, at, kind, itemId, summary);
            return;
        }
        existing.at = at;
        existing.summary = summary;
    }
}
