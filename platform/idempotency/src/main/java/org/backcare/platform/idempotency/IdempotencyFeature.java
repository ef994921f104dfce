package org.backcare.platform.idempotency;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.backcare.platform.access.CurrentCaller;

import java.lang.reflect.Method;

/**
 * Puts {@link IdempotencyFilter} on every POST resource method, and on nothing else: GETs, PUTs and the rest keep
 * their fast path (a writer interceptor on them would serialize every answer through an extra stream).
 */
@Provider
public class IdempotencyFeature implements DynamicFeature {

    private final IdempotencyFilter filter;

    public IdempotencyFeature(IdempotencyStore store, SecurityIdentity identity, CurrentCaller caller) {
        this.filter = new IdempotencyFilter(store, identity, caller);
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(POST.class)) {
            context.register(filter, Priorities.USER);
        }
    }
}
