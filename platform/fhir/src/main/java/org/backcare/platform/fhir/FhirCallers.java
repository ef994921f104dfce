package org.backcare.platform.fhir;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;

import java.util.Set;

/**
 * Authentication and role checks of a FHIR API, done in code rather than with {@code @Authenticated}/
 * {@code @RolesAllowed} so that every refusal under /fhir is an OperationOutcome: 401 without a valid token, 403
 * without one of the roles.
 */
@RequestScoped
public class FhirCallers {

    private final SecurityIdentity identity;
    private final CurrentCaller caller;

    public FhirCallers(SecurityIdentity identity, CurrentCaller caller) {
        this.identity = identity;
        this.caller = caller;
    }

    /** Any authenticated caller; what they may see is the service's access rule. */
    public Caller authenticated() {
        if (identity.isAnonymous()) {
            throw FhirException.unauthorized();
        }
        return caller.get();
    }

    /** The caller if they hold one of the roles. */
    public Caller require(Set<String> roles, String what) {
        Caller c = authenticated();
        if (roles.stream().noneMatch(c::has)) {
            throw FhirException.forbidden("your role does not allow " + what);
        }
        return c;
    }

    /** Bulk Data export is for integrators only. */
    public Caller integrator() {
        return require(Set.of(Role.INTEGRATOR), "bulk data export; it needs the integrator role");
    }
}
