package org.backcare.notification.alert;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.web.Ids;
import org.backcare.notification.inbox.Inbox;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** An urgent alert and who it was escalated to: for everyone it reached, and for admins. */
@Path("/alerts")
@Tag(name = "Alerts", description = "Urgent alerts and their escalation history")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AlertResource {

    private final CurrentCaller caller;
    private final Inbox inbox;

    public AlertResource(CurrentCaller caller, Inbox inbox) {
        this.caller = caller;
        this.inbox = inbox;
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(operationId = "getAlert", summary = "An urgent alert with its escalation history",
            description = "Visible to everyone who received a notification of it, and to admins.")
    @APIResponse(responseCode = "200", description = "The alert")
    @APIResponse(responseCode = "404", description = "No such alert, or it never reached the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView get(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        UUID alertId = Ids.parse("id", id);
        Caller c = caller.get();
        Alert alert = Alert.findById(alertId);
        boolean reached = alert != null && (c.isAdmin() || inbox.reached(c, alertId));
        if (!reached) {
            throw ProblemException.notFound("alert " + id);
        }
        return AlertView.of(alert, AlertEscalation.list("alertId", Sort.ascending("level"), alertId));
    }
}
