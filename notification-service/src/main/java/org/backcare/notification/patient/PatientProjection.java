package org.backcare.notification.patient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A patient and their care team as patient-events last described them: who to notify about this patient. */
@Entity
@Table(name = "patient")
public class PatientProjection extends PanacheEntityBase {

    @Id
    public UUID id;
    public String givenName;
    public String familyName;
    public String oidcSubject;
    public String email;
    /** "active" or "discharged". */
    public String status;
    public LocalDate lastCheckInDay;
    public LocalDate lastRemindedOn;
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "care_team_member", joinColumns = @JoinColumn(name = "patient_id"))
    public List<TeamMember> careTeam = new ArrayList<>();

    public String displayName() {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        return name.isEmpty() ? null : name;
    }

    public boolean isDischarged() {
        return "discharged".equals(status);
    }
}
