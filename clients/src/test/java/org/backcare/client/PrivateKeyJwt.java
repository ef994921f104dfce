package org.backcare.client;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.jwt.Claims;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * SMART Backend Services client authentication ({@code private_key_jwt}, RFC 7523): the client_credentials token
 * request carries a short-lived JWT that the client signed with its private key, built and signed by smallrye-jwt.
 * The key is a PKCS#8 PEM file; deploy/up.sh generates the dev integrator's and registers its certificate with the
 * realm's client backcare-integrator-jwt.
 */
final class PrivateKeyJwt {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** SMART allows at most five minutes; Keycloak honours an assertion for at most a minute after its iat. */
    private static final Duration LIFETIME = Duration.ofSeconds(30);

    private final String clientId;
    private final PrivateKey key;
    private final String keyId;

    PrivateKeyJwt(String clientId, Path privateKeyPem) throws IOException, GeneralSecurityException {
        this.clientId = clientId;
        this.key = KeyUtils.decodePrivateKey(Files.readString(privateKeyPem), SignatureAlgorithm.RS384);
        this.keyId = keyId(key);
    }

    /**
     * The form body of a client_credentials token request to tokenUrl, authenticated with a fresh assertion; no scope
     * parameter when scope is blank (Keycloak then grants the client's default scopes).
     */
    String tokenRequest(String tokenUrl, String scope) {
        return "grant_type=client_credentials"
                + (scope == null || scope.isBlank() ? "" : "&scope=" + enc(scope))
                + "&client_assertion_type=" + enc(ASSERTION_TYPE)
                + "&client_assertion=" + enc(assertion(tokenUrl));
    }

    /**
     * The client assertion: issued by and about the client, for the token endpoint only, used once (jti), expiring
     * soon; signed RS384 with the key's id in the header, as SMART Backend Services asks.
     */
    String assertion(String tokenUrl) {
        return Jwt.issuer(clientId).subject(clientId).audience(tokenUrl)
                .claim(Claims.jti, UUID.randomUUID().toString())
                .expiresIn(LIFETIME)
                .jws().algorithm(SignatureAlgorithm.RS384).keyId(keyId).type("JWT")
                .sign(key);
    }

    String keyId() {
        return keyId;
    }

    /**
     * The key id Keycloak gives a registered certificate's key (and up.sh writes into the realm): the base64url
     * SHA-256 of the public key's DER encoding (SubjectPublicKeyInfo), without padding.
     */
    static String keyId(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new GeneralSecurityException("expected an RSA private key, got " + key.getAlgorithm());
        }
        byte[] publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())).getEncoded();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
