package org.backcare.tracking.exercise;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A home exercise session the patient did, against an exercise of their plan. */
@Entity
@Table(name = "exercise_session")
public class ExerciseSession extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;
    public LocalDate day;
    public String exercise;
    public Integer sets;
    public Integer reps;
    public Integer minutes;
    public Integer painBefore;
    public Integer painAfter;
    public String note;
    public String recordedBy;
    public Instant recordedAt;
}
