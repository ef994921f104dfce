package org.backcare.notification.preference;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own notification preferences; nobody reads or changes another user's. */
@Path("/preferences/me")
@Tag(name = "Preferences", description = "My channels, quiet hours, time zone and check-in reminder time")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PreferenceResource {

    static final String EXAMPLE = """
            {"channels": {"inApp": true, "email": true}, "email": "anna.berg@example.org",
             "quietHours": {"start": "22:00", "end": "07:00"}, "timeZone": "Europe/Stockholm",
             "checkInReminderTime": "19:00"}""";
    static final String DEFAULTS = """
            {"channels": {"inApp": true, "email": true}, "email": null, "quietHours": null, "timeZone": null,
             "checkInReminderTime": null}""";

    private final Preferences preferences;
    private final CurrentCaller caller;

    public PreferenceResource(Preferences preferences, CurrentCaller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getPreferences", summary = "My notification preferences",
            description = "The defaults until I save my own: in-app and e-mail on, e-mail to the address the clinic "
                    + "has on file, no quiet hours, the clinic's time zone and reminder time. The ETag is present once "
                    + "preferences are stored.")
    @APIResponse(responseCode = "200", description = "My preferences",
            headers = @Header(name = "ETag", description = "Version to send in If-Match; absent while nothing is stored"),
            content = @Content(schema = @Schema(implementation = PreferencesDocument.class),
                    examples = {@ExampleObject(name = "defaults", value = DEFAULTS), @ExampleObject(name = "saved", value = EXAMPLE)}))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    public Response read() {
        return respond(preferences.read(caller.get().subject()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePreferences", summary = "Replace my notification preferences",
            description = "The first save needs no If-Match; after that If-Match with the ETag of the last read is "
                    + "required. In-app notifications cannot be turned off. Urgent alerts are e-mailed at once even in "
                    + "quiet hours; other e-mail waits until they end.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PreferencesDocument.class),
            examples = {@ExampleObject(name = "quiet nights, e-mail on", value = EXAMPLE),
                    @ExampleObject(name = "inbox only", value = "{\"channels\": {\"inApp\": true, \"email\": false}}")}))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = PreferencesDocument.class)))
    @APIResponse(responseCode = "201", description = "Saved for the first time", headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = PreferencesDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body; nothing was changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match (or nothing stored yet to match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(in = ParameterIn.HEADER, description = "ETag of the last read", example = "\"3\"")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            PreferencesDocument document) {
        Preferences.Versioned saved = preferences.replace(caller.get().subject(), ifMatch, document);
        return respond(saved);
    }

    private static Response respond(Preferences.Versioned p) {
        Response.ResponseBuilder response = p.created() ? Response.status(Response.Status.CREATED).entity(p.document())
                : Response.ok(p.document());
        if (p.version() != null) {
            // JAX-RS quotes the tag itself; clients see "3" as common.ETags writes it.
            response.tag(Long.toString(p.version()));
        }
        return response.build();
    }
}
