package org.backcare.notification.routing;

/** Who a notification is for: one person (their OIDC subject) or everyone holding a role (the admins' queue). */
public record Recipient(String subject, String role) {

    public static Recipient person(String subject) {
        return new Recipient(subject, null);
    }

    public static Recipient everyone(String role) {
        return new Recipient(null, role);
    }

    public boolean isPerson() {
        return subject != null;
    }

    /** A stable text form, as stored in escalation records: the subject, or "role:admin". */
    public String key() {
        return isPerson() ? subject : "role:" + role;
    }
}
