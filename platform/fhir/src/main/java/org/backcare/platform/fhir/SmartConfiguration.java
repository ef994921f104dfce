package org.backcare.platform.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Optional;

/**
 * The SMART configuration document (SMART App Launch 2, "Backend Services" as the Bulk Data IG recommends): where an
 * integrator gets an access token and how it authenticates there. BackCare's authorization server is Keycloak; this
 * document only describes it.
 */
@Schema(name = "SmartConfiguration", description = "SMART on FHIR discovery: the token endpoint and how a backend "
        + "client authenticates there (SMART App Launch 2, Backend Services)")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"token_endpoint", "token_endpoint_auth_methods_supported",
        "token_endpoint_auth_signing_alg_values_supported", "grant_types_supported", "scopes_supported",
        "capabilities"})
public record SmartConfiguration(
        @JsonProperty("token_endpoint")
        @Schema(required = true, description = "The OAuth 2 token endpoint (Keycloak's)",
                example = "http://127.0.0.1:18080/realms/backcare/protocol/openid-connect/token")
        String tokenEndpoint,
        @JsonProperty("token_endpoint_auth_methods_supported")
        @Schema(description = "How a client authenticates at the token endpoint: private_key_jwt is a JWT signed with "
                + "the client's registered key (SMART's client-confidential-asymmetric)")
        List<String> tokenEndpointAuthMethodsSupported,
        @JsonProperty("token_endpoint_auth_signing_alg_values_supported")
        @Schema(description = "Algorithms a private_key_jwt client assertion may be signed with")
        List<String> tokenEndpointAuthSigningAlgValuesSupported,
        @JsonProperty("grant_types_supported")
        @Schema(required = true, description = "client_credentials: SMART Backend Services")
        List<String> grantTypesSupported,
        @JsonProperty("scopes_supported")
        @Schema(description = "Scopes the token endpoint accepts from a backend client; what the client may read "
                + "follows from its role (integrator), not from the scope")
        List<String> scopesSupported,
        @JsonProperty("capabilities")
        @Schema(required = true, description = "SMART capabilities")
        List<String> capabilities) {

    static final String CLIENT_CREDENTIALS = "client_credentials";

    /**
     * The document for the configured values. The token endpoint is {@code tokenEndpoint} when set, else Keycloak's
     * for the realm the service validates tokens from ({@code authServerUrl}, e.g. .../realms/backcare).
     */
    public static SmartConfiguration of(Optional<String> tokenEndpoint, Optional<String> authServerUrl,
                                        List<String> authMethods, List<String> signingAlgorithms,
                                        List<String> scopes, List<String> capabilities) {
        String endpoint = tokenEndpoint.filter(s -> !s.isBlank())
                .or(() -> authServerUrl.filter(s -> !s.isBlank()).map(SmartConfiguration::keycloakTokenEndpoint))
                .orElseThrow(() -> new IllegalStateException("SMART configuration: neither backcare.smart.token-endpoint "
                        + "nor quarkus.oidc.auth-server-url is set"));
        return new SmartConfiguration(endpoint, List.copyOf(authMethods), List.copyOf(signingAlgorithms),
                List.of(CLIENT_CREDENTIALS), List.copyOf(scopes), List.copyOf(capabilities));
    }

    /** Keycloak's token endpoint of a realm, from the realm's URL (the OIDC issuer). */
    static String keycloakTokenEndpoint(String realmUrl) {
        String base = realmUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/protocol/openid-connect/token";
    }
}
