package org.backcare.patient.redflag;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** One red-flag screening of a patient, with every item's answer: the screening history is kept for good. */
@Entity
@Table(name = "red_flag_screening")
public class RedFlagScreening extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;
    public Instant screenedAt;
    public String screenedBy;
    public boolean positive;
    public String notes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "red_flag_answer", joinColumns = @JoinColumn(name = "screening_id"))
    @MapKeyColumn(name = "red_flag")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "present")
    public Map<RedFlag, Boolean> answers = new EnumMap<>(RedFlag.class);
}
