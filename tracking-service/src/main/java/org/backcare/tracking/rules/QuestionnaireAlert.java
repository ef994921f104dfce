package org.backcare.tracking.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** That an alert of a type was raised for a questionnaire result: each is raised once per result. */
@Entity
@Table(name = "questionnaire_alert")
@IdClass(QuestionnaireAlert.Key.class)
public class QuestionnaireAlert extends PanacheEntityBase {

    @Id
    public UUID questionnaireId;
    @Id
    public String type;
    public UUID patientId;
    public Instant raisedAt;

    /** Composite key: result and alert type. */
    public record Key(UUID questionnaireId, String type) implements Serializable {
    }
}
