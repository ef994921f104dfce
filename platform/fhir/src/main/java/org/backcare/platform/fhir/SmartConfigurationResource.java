package org.backcare.platform.fhir;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * SMART Backend Services discovery for every service that serves FHIR: {@code GET [FHIR base]/.well-known/
 * smart-configuration}, public like the CapabilityStatement. The document is built once from configuration
 * ({@code backcare.smart.*}, defaults in this library's microprofile-config.properties).
 */
@Path(Fhir.ROOT)
@Tag(name = "SMART Backend Services", description = "How an integrator gets an access token (SMART on FHIR discovery)")
public class SmartConfigurationResource {

    /** The path below the FHIR base, which SMART App Launch fixes. */
    static final String PATH = ".well-known/smart-configuration";

    private final SmartConfiguration configuration;

    public SmartConfigurationResource(
            @ConfigProperty(name = "backcare.smart.token-endpoint") Optional<String> tokenEndpoint,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "backcare.smart.token-endpoint-auth-methods") List<String> authMethods,
            @ConfigProperty(name = "backcare.smart.signing-algorithms") List<String> signingAlgorithms,
            @ConfigProperty(name = "backcare.smart.scopes") List<String> scopes,
            @ConfigProperty(name = "backcare.smart.capabilities") List<String> capabilities) {
        this.configuration = SmartConfiguration.of(tokenEndpoint, authServerUrl, authMethods, signingAlgorithms,
                scopes, capabilities);
    }

    @GET
    @Path(PATH)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSmartConfiguration", summary = "SMART configuration (discovery)",
            description = "Public. Where a backend client gets a client_credentials token and how it authenticates "
                    + "there: private_key_jwt with a registered public key (client-confidential-asymmetric), or a "
                    + "client secret where one is configured.")
    @APIResponse(responseCode = "200", description = "The SMART configuration document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SmartConfiguration.class),
                    examples = @ExampleObject(name = "the local stack", value = """
                            {"token_endpoint": "http://127.0.0.1:18080/realms/backcare/protocol/openid-connect/token",
                             "token_endpoint_auth_methods_supported": ["private_key_jwt", "client_secret_basic"],
                             "token_endpoint_auth_signing_alg_values_supported": ["RS384", "ES384"],
                             "grant_types_supported": ["client_credentials"],
                             "scopes_supported": ["roles"],
                             "capabilities": ["client-confidential-asymmetric", "client-confidential-symmetric"]}""")))
    public SmartConfiguration smartConfiguration() {
        return configuration;
    }
}
