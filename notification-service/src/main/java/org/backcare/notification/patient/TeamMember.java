package org.backcare.notification.patient;

import jakarta.persistence.Embeddable;

/** A clinician on a care team. */
@Embeddable
public class TeamMember {

    public String subject;
    /** physician, physical-therapist or psychologist. */
    public String role;
    public String displayName;
    public String email;

    public TeamMember() {
    }

    public TeamMember(String subject, String role, String displayName, String email) {
        this.subject = subject;
        this.role = role;
        this.displayName = displayName;
        this.email = email;
    }
}
