package org.backcare.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.access.Role;
import org.backcare.notification.patient.PatientProjection;
import org.backcare.notification.patient.TeamMember;
import org.backcare.notification.preference.Settings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the e-mail for a recipient goes: the address the user set in their preferences, else the one patient-events
 * told us (the patient's own, or the clinician's as a care-team member). Admins' shared notifications go to the
 * configured admin mailbox.
 */
@ApplicationScoped
public class Addresses {

    private final EmailConfig config;

    public Addresses(EmailConfig config) {
        this.config = config;
    }

    public Optional<String> forRole(String role) {
        return Role.ADMIN.equals(role) ? config.adminAddress().filter(a -> !a.isBlank()) : Optional.empty();
    }

    /** Runs in the notification's transaction; {@code patientId} (may be null) is looked at first. */
    public Optional<String> forPerson(String subject, UUID patientId, Settings settings) {
        if (settings.email() != null) {
            return Optional.of(settings.email());
        }
        if (patientId != null) {
            PatientProjection p = PatientProjection.findById(patientId);
            Optional<String> known = p == null ? Optional.empty() : known(p, subject);
            if (known.isPresent()) {
                return known;
            }
        }
        // Not about this patient (an escalation to someone off the team, say): any record that knows the person.
        List<String> asPatient = PatientProjection.getEntityManager()
                .createQuery("select p.email from PatientProjection p where p.oidcSubject = :s and p.email is not null "
                        + "order by p.updatedAt desc", String.class)
                .setParameter("s", subject).setMaxResults(1).getResultList();
        if (!asPatient.isEmpty()) {
            return Optional.of(asPatient.get(0));
        }
        List<String> asMember = PatientProjection.getEntityManager()
                .createQuery("select m.email from PatientProjection p join p.careTeam m where m.subject = :s "
                        + "and m.email is not null order by p.updatedAt desc", String.class)
                .setParameter("s", subject).setMaxResults(1).getResultList();
        return asMember.stream().findFirst();
    }

    private static Optional<String> known(PatientProjection p, String subject) {
        if (subject.equals(p.oidcSubject) && p.email != null) {
            return Optional.of(p.email);
        }
        return p.careTeam.stream().filter(m -> subject.equals(m.subject) && m.email != null)
                .map((TeamMember m) -> m.email).findFirst();
    }
}
