package org.backcare.platform.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** The {@link Caller} of the current request, read once from the validated access token. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        if (caller == null) {
            String subject = token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
            String name = token.getClaim("name");
            if (name == null) {
                name = token.getClaim("preferred_username");
            }
            caller = new Caller(subject, Set.copyOf(identity.getRoles()), name != null ? name : subject);
        }
        return caller;
    }
}
