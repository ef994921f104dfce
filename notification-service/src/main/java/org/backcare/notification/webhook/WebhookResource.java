package org.backcare.notification.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.Coded;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook endpoints of integrators. Thin: parsing and HTTP here, the rules in {@link Webhooks}. */
@Path("/webhooks")
@Tag(name = "Webhooks", description = "Signed HTTP callbacks for integrators when notifications are raised")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.INTEGRATOR, Role.ADMIN})
public class WebhookResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final Webhooks webhooks;
    private final CurrentCaller caller;

    public WebhookResource(Webhooks webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "Integrators and admins. For every event that raises notifications of a subscribed kind, "
                    + "the endpoint receives one POST with a minimal JSON body (deliveryId, eventId, eventType, "
                    + "patientId, occurredAt, the subscribed kinds raised, the highest priority, a summary; no names "
                    + "or clinical text: fetch details through the other APIs) and the headers X-BackCare-Delivery, X-BackCare-Event and X-BackCare-Signature "
                    + "(t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" keyed with the secret>). Any 2xx "
                    + "answer is success; anything else is retried with exponential backoff. Too many failures in a "
                    + "row disable the endpoint until it is re-enabled.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewWebhook.class), examples = {
            @ExampleObject(name = "red flags only, own secret", value = """
                    {"url": "https://integrations.example.org/backcare/hooks",
                     "secret": "8f1c0e9a2b7d4e6f9a1b3c5d7e9f0a2b",
                     "kinds": ["red-flag"], "description": "Clinic EHR bridge"}"""),
            @ExampleObject(name = "all kinds, generated secret", value = """
                    {"url": "https://integrations.example.org/backcare/all"}""")}))
    @APIResponse(responseCode = "201", description = "Registered; Location names it. Contains the secret only when it was generated",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Missing body, a URL that is not absolute http(s), a secret shorter than 16 characters, an unknown kind",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "ftp url", value = """
                            {"type": "https://backcare.example/problems/validation", "title": "Invalid request",
                             "status": 400, "detail": "url: must use http or https, not ftp", "instance": "/webhooks",
                             "errors": [{"field": "url", "message": "must use http or https, not ftp"}]}""")))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Neither integrator nor admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewWebhook request, UriInfo uri) {
        WebhookView created = webhooks.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Webhook endpoints", description = "An integrator's own; an admin sees all. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of endpoints (never with secrets)")
    @APIResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither integrator nor admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PageOf<WebhookView> list(@Valid @BeanParam PageRequest page) {
        return webhooks.page(caller.get(), page);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook endpoint")
    @APIResponse(responseCode = "200", description = "The endpoint (never with its secret)", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", description = "Neither integrator nor admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint, or another integrator's", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WebhookView get(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        return webhooks.get(caller.get(), Ids.parse("id", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook endpoint", description = "Its queued deliveries and delivery log go with it. "
            + "Of several deletes of one endpoint, also at the same time, the first answers 204 and the others 404.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Neither integrator nor admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint (or no longer: removed by an earlier or concurrent delete), or another integrator's", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        webhooks.delete(caller.get(), Ids.parse("id", id));
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableWebhook", summary = "Re-enable a disabled endpoint",
            description = "Resets the failure count; deliveries that waited while it was disabled are sent at once. "
                    + "Idempotent: enabling an enabled endpoint changes nothing.")
    @APIResponse(responseCode = "200", description = "The endpoint, enabled", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "403", description = "Neither integrator nor admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint, or another integrator's", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public WebhookView enable(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        return webhooks.enable(caller.get(), Ids.parse("id", id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of an endpoint",
            description = "Newest first, each delivery with every attempt: when, the HTTP status or the error, how long.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "Bad status filter or paging", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither integrator nor admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint, or another integrator's", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PageOf<DeliveryView> deliveries(
            @PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
            @QueryParam("status") @Parameter(description = "Only deliveries in this state",
                    schema = @Schema(implementation = DeliveryStatus.class)) String status,
            @Valid @BeanParam PageRequest page) {
        return webhooks.deliveries(caller.get(), Ids.parse("id", id),
                Coded.fromParameter(DeliveryStatus.class, "status", status), page);
    }
}
