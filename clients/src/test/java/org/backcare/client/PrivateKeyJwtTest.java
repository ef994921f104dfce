package org.backcare.client;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrator's signed client assertion, checked as Keycloak's client-jwt authenticator would (no stack needed). */
class PrivateKeyJwtTest {

    private static final String TOKEN_URL = "http://127.0.0.1:18080/realms/backcare/protocol/openid-connect/token";

    @TempDir
    Path dir;

    @Test
    void theAssertionIsSignedRs384ByTheClientForTheTokenEndpointAndUsableOnce() throws Exception {
        KeyPair keys = rsaKeyPair();
        PrivateKeyJwt jwt = new PrivateKeyJwt("backcare-integrator-jwt", pem(keys));

        String assertion = jwt.assertion(TOKEN_URL);

        JwtContext verified = new JwtConsumerBuilder()
                .setVerificationKey(keys.getPublic())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA384)
                .setExpectedIssuer("backcare-integrator-jwt")
                .setExpectedSubject("backcare-integrator-jwt")
                .setExpectedAudience(TOKEN_URL)
                .setRequireExpirationTime().setRequireIssuedAt().setRequireJwtId()
                .build().process(assertion);
        JwtClaims claims = verified.getJwtClaims();
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                .as("seconds the assertion is valid (SMART: at most 300; Keycloak: at most 60)").isBetween(1L, 60L);
        assertThat(verified.getJoseObjects().get(0).getKeyIdHeaderValue()).isEqualTo(jwt.keyId());
        assertThat(jwt.assertion(TOKEN_URL)).as("a new jti every time").isNotEqualTo(assertion);
        assertThat(new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().processToClaims(jwt.assertion(TOKEN_URL)).getJwtId())
                .isNotEqualTo(claims.getJwtId());
    }

    @Test
    void theKeyIdIsKeycloaksForTheRegisteredCertificateTheSha256OfThePublicKey() throws Exception {
        KeyPair keys = rsaKeyPair();
        PrivateKeyJwt jwt = new PrivateKeyJwt("backcare-integrator-jwt", pem(keys));

        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded()));
        assertThat(jwt.keyId()).isEqualTo(expected).doesNotContain("=", "+", "/");
    }

    @Test
    void theTokenRequestIsAClientCredentialsGrantWithAJwtBearerAssertion() throws Exception {
        PrivateKeyJwt jwt = new PrivateKeyJwt("backcare-integrator-jwt", pem(rsaKeyPair()));

        Map<String, String> form = Arrays.stream(jwt.tokenRequest(TOKEN_URL, "roles").split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));

        assertThat(form).containsEntry("grant_type", "client_credentials")
                .containsEntry("scope", "roles")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsKey("client_assertion")
                .doesNotContainKeys("client_id", "client_secret");
    }

    @Test
    void withoutAScopeTheRequestAsksForNone() throws Exception {
        PrivateKeyJwt jwt = new PrivateKeyJwt("backcare-integrator-jwt", pem(rsaKeyPair()));

        assertThat(jwt.tokenRequest(TOKEN_URL, "")).startsWith("grant_type=client_credentials&client_assertion_type=")
                .doesNotContain("scope=");
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The private key as up.sh writes it (openssl genpkey: PKCS#8 PEM). */
    private Path pem(KeyPair keys) throws Exception {
        Path file = dir.resolve("private-key.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return file;
    }
}
