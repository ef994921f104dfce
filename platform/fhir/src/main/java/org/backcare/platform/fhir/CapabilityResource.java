package org.backcare.platform.fhir;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CapabilityStatement;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * GET /fhir/metadata of every service: the CapabilityStatement of what the service's {@link FhirServer} says it
 * serves, public as FHIR clients expect (FhirRoutes lets it through without a token).
 */
@Path(Fhir.ROOT)
@Tag(name = "FHIR")
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
public class CapabilityResource {

    private static final Date STARTED = Date.from(Instant.now());
    private final FhirServer server;
    private final CapabilityStatements.OAuthEndpoints oauth;

    public CapabilityResource(FhirServer server,
                              @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> realm,
                              @ConfigProperty(name = "backcare.fhir.token-endpoint") Optional<String> token,
                              @ConfigProperty(name = "backcare.fhir.authorize-endpoint") Optional<String> authorize) {
        this.server = server;
        this.oauth = oauthEndpoints(realm, token, authorize);
    }

    @GET
    @Path("metadata")
    @Operation(operationId = "getCapabilityStatement", summary = "FHIR CapabilityStatement",
            description = "What this FHIR server reads, searches and exports, and how to authenticate. Public, as FHIR "
                    + "clients expect.")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement", content = @Content(mediaType = Fhir.JSON))
    public CapabilityStatement metadata(@Context UriInfo uri) {
        return CapabilityStatements.of(server, Fhir.base(uri), STARTED, oauth);
    }

    /**
     * The endpoints configured (backcare.fhir.token-endpoint, backcare.fhir.authorize-endpoint), else those of the
     * Keycloak realm whose tokens the service accepts (quarkus.oidc.auth-server-url); null when neither is known.
     */
    static CapabilityStatements.OAuthEndpoints oauthEndpoints(Optional<String> realm, Optional<String> token,
                                                              Optional<String> authorize) {
        Optional<String> base = present(realm).map(r -> r.replaceAll("/+$", "") + "/protocol/openid-connect");
        Optional<String> tokenUrl = present(token).or(() -> base.map(b -> b + "/token"));
        Optional<String> authorizeUrl = present(authorize).or(() -> base.map(b -> b + "/auth"));
        return tokenUrl.isPresent() && authorizeUrl.isPresent()
                ? new CapabilityStatements.OAuthEndpoints(tokenUrl.get(), authorizeUrl.get()) : null;
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }
}
