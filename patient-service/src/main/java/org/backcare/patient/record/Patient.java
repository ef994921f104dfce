package org.backcare.patient.record;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.backcare.platform.access.PatientFacts;
import org.backcare.patient.careteam.CareTeamMember;
import org.backcare.patient.stratification.RiskStratum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A patient's record: who they are, their pain classification, the conditions that matter for medication safety. */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Row version: the ETag clients send back in If-Match. */
    @Version
    public long version;

    public String givenName;
    public String familyName;
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    public String email;
    public String phone;
    public String preferredLanguage;
    @Column(name = "oidc_subject")
    public String oidcSubject;

    public LocalDate painOnsetDate;
    @Enumerated(EnumType.STRING)
    public PainType painType;
    public String painTypeRationale;
    public String painClassifiedBy;
    public Instant painClassifiedAt;

    @ElementCollection
    @CollectionTable(name = "patient_comorbidity", joinColumns = @JoinColumn(name = "patient_id"))
    @Column(name = "comorbidity")
    @Enumerated(EnumType.STRING)
    public Set<Comorbidity> comorbidities = EnumSet.noneOf(Comorbidity.class);

    @Enumerated(EnumType.STRING)
    public PatientStatus status;
    public boolean urgentReview;
    public Instant dischargedAt;
    public String dischargeReason;

    @OneToMany(mappedBy = "patient", orphanRemoval = true, cascade = jakarta.persistence.CascadeType.ALL)
    @OrderBy("addedAt")
    public List<CareTeamMember> careTeam = new ArrayList<>();

    /** The latest STarT Back stratum (tracking-service's results); null until a first one. */
    @Embedded
    public RiskStratum riskStratum;

    public Instant createdAt;
    public Instant updatedAt;

    public static Optional<Patient> findBySubject(String subject) {
        return find("oidcSubject", subject).firstResultOptional();
    }

    public PatientFacts accessFacts() {
        return new PatientFacts(id, oidcSubject,
                careTeam.stream().map(m -> m.subject).collect(Collectors.toUnmodifiableSet()));
    }

    public Optional<CareTeamMember> member(String subject) {
        return careTeam.stream().filter(m -> m.subject.equals(subject)).findFirst();
    }

    public boolean isDischarged() {
        return status == PatientStatus.DISCHARGED;
    }

    /** Marks the record changed, so its version (and ETag) moves even when only a child row changed. */
    public void touch(Instant now) {
        updatedAt = now;
    }
}
