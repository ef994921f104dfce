package org.backcare.platform.access;

import java.util.Set;

/** Who is calling: the OIDC subject, the realm roles and a name to show in audit entries and care teams. */
public record Caller(String subject, Set<String> roles, String displayName) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isClinician() {
        return has(Role.PHYSICIAN) || has(Role.PHYSICAL_THERAPIST) || has(Role.PSYCHOLOGIST);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
