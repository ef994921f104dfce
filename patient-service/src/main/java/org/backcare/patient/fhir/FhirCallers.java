package org.backcare.patient.fhir;

import org.backcare.platform.fhir.FhirException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;

import java.util.Set;

/**
 * Authentication and role checks of the FHIR API, done in code rather than with {@code @Authenticated}/
 * {@code @RolesAllowed} so that every refusal under /fhir is an OperationOutcome.
 */
@RequestScoped
public class FhirCallers {

    /** The roles that may use the FHIR read and search API (each within its usual access rules). */
    public static final Set<String> READERS = Set.of(Role.PATIENT, Role.PHYSICIAN, Role.PHYSICAL_THERAPIST,
            Role.PSYCHOLOGIST, Role.ADMIN, Role.INTEGRATOR);

    private final SecurityIdentity identity;
    private final CurrentCaller caller;

    public FhirCallers(SecurityIdentity identity, CurrentCaller caller) {
        this.identity = identity;
        this.caller = caller;
    }

    /** The caller if they hold one of the roles: 401 without a token, 403 with none of the roles. */
    public Caller require(Set<String> roles, String what) {
        if (identity.isAnonymous()) {
            throw FhirException.unauthorized();
        }
        Caller c = caller.get();
        if (roles.stream().noneMatch(c::has)) {
            throw FhirException.forbidden("your role does not allow " + what);
        }
        return c;
    }

    public Caller reader() {
        return require(READERS, "the FHIR API");
    }

    public Caller integrator() {
        return require(Set.of(Role.INTEGRATOR), "bulk data export; it needs the integrator role");
    }
}
