package org.backcare.tracking.flareup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A flare-up episode the patient went through: when, and what helped. */
@Entity
@Table(name = "flare_up")
public class FlareUp extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;
    public LocalDate startedOn;
    public LocalDate endedOn;
    public String whatHelped;
    public String note;
    public String recordedBy;
    public Instant recordedAt;
}
