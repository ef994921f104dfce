package org.backcare.platform.patients;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.backcare.platform.access.PatientFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a consuming service knows about a patient, projected from patient-events: who they are, their login, care
 * team (which decides access) and the comorbidities that medication rules need. patient-service owns the truth;
 * this is a local copy, in the consuming service's own database (tables patient, patient_comorbidity,
 * care_team_member of its Flyway history).
 */
@Entity
@Table(name = "patient")
public class PatientProjection extends PanacheEntityBase {

    @Id
    public UUID id;
    public String givenName;
    public String familyName;
    public String oidcSubject;
    /** "active" or "discharged", as patient-service says. */
    public String status;
    /** mechanical, inflammatory, radicular, complex, or null while unclassified. */
    public String painType;
    public boolean urgentReview;

    @ElementCollection
    @CollectionTable(name = "patient_comorbidity", joinColumns = @JoinColumn(name = "patient_id"))
    @Column(name = "comorbidity")
    @Enumerated(EnumType.STRING)
    public Set<Comorbidity> comorbidities = EnumSet.noneOf(Comorbidity.class);

    @OneToMany(mappedBy = "patient", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<CareTeamMember> careTeam = new ArrayList<>();

    public Instant updatedAt;

    public PatientFacts accessFacts() {
        return new PatientFacts(id, oidcSubject,
                careTeam.stream().map(m -> m.subject).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isDischarged() {
        return "discharged".equals(status);
    }
}
