package org.backcare.plan.note;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a note's text, kept for ever: version 1 is what was written, the others are amendments. */
@Entity
@Table(name = "clinical_note_version")
@IdClass(NoteVersion.Key.class)
public class NoteVersion extends PanacheEntityBase {

    @Id
    public UUID noteId;
    @Id
    public int version;
    public String text;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> mentions;
    public String writtenBy;
    public Instant writtenAt;

    /** Composite key: note and version number. */
    public record Key(UUID noteId, int version) implements Serializable {
    }
}
