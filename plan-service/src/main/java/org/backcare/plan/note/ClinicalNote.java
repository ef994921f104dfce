package org.backcare.plan.note;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A clinical note about a patient; its text is the latest version's, the history is in {@link NoteVersion}. */
@Entity
@Table(name = "clinical_note")
public class ClinicalNote extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;
    @Convert(converter = NoteKindColumn.class)
    @Column(name = "kind")
    public NoteKind kind;
    public String authorSubject;
    /** The author's role on the care team when they wrote it. */
    public String authorDiscipline;
    public String text;
    /** The latest version's number (1 as written), and the ETag; amendments lock the row, so numbers never repeat. */
    public int version;
    public Instant createdAt;
    public Instant updatedAt;
}
