package org.backcare.patient.stratification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether a patient is in an episode of "STarT Back high risk and no psychologist on the team": the physicians are
 * told when one opens, and not again until it has closed.
 */
@Entity
@Table(name = "psychology_referral_episode")
public class ReferralEpisode extends PanacheEntityBase {

    @Id
    public UUID patientId;
    public boolean open;
    /** The STarT Back result that opened the latest episode. */
    public UUID questionnaireId;
    public Instant openedAt;
    public Instant closedAt;
}
