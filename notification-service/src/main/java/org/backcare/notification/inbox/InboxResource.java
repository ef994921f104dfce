package org.backcare.notification.inbox;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.notification.alert.Alerts;
import org.backcare.platform.web.Coded;
import org.backcare.platform.web.Flags;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.backcare.notification.reminder.Reminders;
import org.backcare.notification.routing.Priority;
import org.backcare.notification.routing.Routing;
import org.backcare.notification.webhook.WebhookDeliveries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.List;
import java.util.Map;

/** The caller's own inbox: every user sees only what was sent to them (or to a role they hold). */
@Path("/notifications")
@Tag(name = "Inbox", description = "My notifications: list, unread count, read, acknowledge urgent alerts, live stream")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InboxResource {

    private final Inbox inbox;
    private final LiveFeed feed;
    private final CurrentCaller caller;

    public InboxResource(Inbox inbox, LiveFeed feed, CurrentCaller caller) {
        this.inbox = inbox;
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "My notifications", description = "Newest first. Filter by unread, priority, patient and kind.")
    @APIResponse(responseCode = "200", description = "A page of notifications")
    @APIResponse(responseCode = "400", description = "Bad filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<NotificationView> list(
            @QueryParam("unread") @Parameter(description = "true: only unread; false: only read", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)) String unread,
            @QueryParam("priority") @Parameter(schema = @Schema(implementation = Priority.class)) String priority,
            @QueryParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
            @QueryParam("kind") @Parameter(description = "A kind from GET /notifications/kinds") String kind,
            @Valid @BeanParam PageRequest page) {
        if (kind != null && !kind.isBlank() && !knownKinds().contains(kind)) {
            throw ProblemException.badRequest("kind", "unknown kind '" + kind + "'; expected one of " + knownKinds());
        }
        Inbox.Filter filter = new Inbox.Filter(Flags.parse("unread", unread),
                Coded.fromParameter(Priority.class, "priority", priority),
                patientId == null || patientId.isBlank() ? null : Ids.parse("patientId", patientId),
                kind == null || kind.isBlank() ? null : kind);
        return inbox.page(caller.get(), filter, page);
    }

    @GET
    @Path("unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "How many of my notifications are unread, and how many urgent alerts wait for acknowledgement")
    public UnreadCount unreadCount() {
        return inbox.unreadCount(caller.get());
    }

    @GET
    @Path("kinds")
    @Operation(operationId = "listNotificationKinds", summary = "The kinds of notification there are (for filters and webhook subscriptions)")
    public List<String> kinds() {
        return knownKinds();
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamNotifications", summary = "Live stream of my new notifications (Server-Sent Events)",
            description = "Each event is one Notification as JSON (the SSE id is the notification's id), from "
                    + "whichever instance stored it. Only notifications created while connected are sent; read the "
                    + "inbox for earlier ones. A comment line (': keep-alive') every 15 s keeps a quiet stream open.")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "An endless text/event-stream: each event's data is one Notification as JSON. "
                            + "Open it with an EventSource (or any SSE library), not a request/response client.",
                    example = "id: 1f0c...\ndata: {\"id\":\"1f0c...\",\"priority\":\"urgent\"}\n\n")))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return feed.of(caller.get(), sse);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getNotification", summary = "One of my notifications")
    @APIResponse(responseCode = "200", description = "The notification")
    @APIResponse(responseCode = "404", description = "No such notification in my inbox", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView get(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        return inbox.get(caller.get(), Ids.parse("id", id));
    }

    @POST
    @Path("{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one of my notifications read", description = "Idempotent.")
    @APIResponse(responseCode = "200", description = "The notification, read")
    @APIResponse(responseCode = "404", description = "No such notification in my inbox", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView markRead(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        return inbox.markRead(caller.get(), Ids.parse("id", id));
    }

    @POST
    @Path("read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all my notifications read")
    public Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead(caller.get()));
    }

    @POST
    @Path("{id}/acknowledgement")
    @Operation(operationId = "acknowledgeNotification", summary = "Acknowledge an urgent alert: I take it on",
            description = "Stops the escalation for everyone who was notified. Idempotent: acknowledging again "
                    + "answers who acknowledged it first.")
    @APIResponse(responseCode = "200", description = "The notification with its acknowledged alert")
    @APIResponse(responseCode = "404", description = "No such notification in my inbox", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not an urgent alert; nothing to acknowledge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView acknowledge(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        return inbox.acknowledge(caller.get(), Ids.parse("id", id));
    }

    private static List<String> knownKinds() {
        return java.util.stream.Stream.of(Routing.kinds(), Routing.clinicianOnlyKinds(), extraKinds())
                .flatMap(List::stream).toList();
    }

    /** Kinds no routing rule produces: escalations, daily reminders, admin notices. */
    static List<String> extraKinds() {
        return List.of(Alerts.ESCALATION_KIND, Reminders.KIND, WebhookDeliveries.DISABLED_KIND);
    }
}
