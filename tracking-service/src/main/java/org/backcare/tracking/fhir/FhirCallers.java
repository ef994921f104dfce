package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.FhirException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;

import java.util.Set;

/**
 * Authentication and role checks of the FHIR API, done in code rather than with {@code @Authenticated}/
 * {@code @RolesAllowed} so that every refusal under /fhir is an OperationOutcome (as in patient-service).
 */
@RequestScoped
public class FhirCallers {

    private final SecurityIdentity identity;
    private final CurrentCaller caller;

    public FhirCallers(SecurityIdentity identity, CurrentCaller caller) {
        this.identity = identity;
        this.caller = caller;
    }

    /** The caller if they hold one of the roles: 401 without a token, 403 with none of the roles. */
    public Caller require(Set<String> roles, String what) {
        Caller c = authenticated();
        if (roles.stream().noneMatch(c::has)) {
            throw FhirException.forbidden("your role does not allow " + what);
        }
        return c;
    }

    /**
     * Any authenticated caller may read and search: {@link FhirApi} decides what they see (a resource of a patient
     * they may not read is 404, a search across patients without the integrator or admin role is 403).
     */
    public Caller reader() {
        return authenticated();
    }

    public Caller integrator() {
        return require(Set.of(Role.INTEGRATOR), "bulk data export; it needs the integrator role");
    }

    private Caller authenticated() {
        if (identity.isAnonymous()) {
            throw FhirException.unauthorized();
        }
        return caller.get();
    }
}
