package org.backcare.platform.fhir;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmartConfigurationTest {

    private static final List<String> METHODS = List.of("private_key_jwt", "client_secret_basic");
    private static final List<String> ALGORITHMS = List.of("RS384", "ES384");

    @Test
    void theTokenEndpointIsKeycloaksForTheRealmTheServiceTrusts() {
        SmartConfiguration smart = SmartConfiguration.of(Optional.empty(),
                Optional.of("http://127.0.0.1:18080/realms/backcare/"), METHODS, ALGORITHMS, List.of("roles"),
                List.of("client-confidential-asymmetric"));

        assertThat(smart.tokenEndpoint())
                .isEqualTo("http://127.0.0.1:18080/realms/backcare/protocol/openid-connect/token");
        assertThat(smart.grantTypesSupported()).containsExactly("client_credentials");
        assertThat(smart.tokenEndpointAuthMethodsSupported()).containsExactly("private_key_jwt", "client_secret_basic");
    }

    @Test
    void aConfiguredTokenEndpointWins() {
        SmartConfiguration smart = SmartConfiguration.of(Optional.of("https://auth.example.org/token"),
                Optional.of("http://keycloak:8080/realms/backcare"), METHODS, ALGORITHMS, List.of(), List.of());

        assertThat(smart.tokenEndpoint()).isEqualTo("https://auth.example.org/token");
    }

    @Test
    void withoutAnyTokenEndpointTheServiceRefusesToDescribeOne() {
        assertThatThrownBy(() -> SmartConfiguration.of(Optional.empty(), Optional.empty(), METHODS, ALGORITHMS,
                List.of(), List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backcare.smart.token-endpoint");
    }
}
