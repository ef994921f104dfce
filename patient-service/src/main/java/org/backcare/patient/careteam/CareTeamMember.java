package org.backcare.patient.careteam;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.backcare.patient.record.Patient;

import java.time.Instant;
import java.util.UUID;

/** A clinician on a patient's care team; membership is what authorizes them for that patient in every service. */
@Entity
@Table(name = "care_team_member")
public class CareTeamMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id")
    public Patient patient;

    /** The clinician's OIDC subject. */
    public String subject;
    @Enumerated(EnumType.STRING)
    public CareTeamRole role;
    public String displayName;
    public String email;
    public Instant addedAt;
    public String addedBy;
}
