package org.backcare.notification.problem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.backcare.notification.inbox.Notification;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * A test-only endpoint whose write loses a race that Hibernate notices only at commit, after this method returned:
 * another transaction changes the row after this one read it. Hidden from the served OpenAPI.
 */
@Path("/test/stale-write")
public class StaleWriteProbe {

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(hidden = true)
    public void touch(@PathParam("id") UUID id) {
        Notification mine = Notification.findById(id);
        QuarkusTransaction.requiringNew().run(() -> {
            Notification theirs = Notification.findById(id);
            theirs.title = theirs.title + ".";
        });
        mine.title = mine.title + "!";
    }
}
