package org.backcare.platform.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;
import java.util.UUID;

/**
 * Test users with signed access tokens (the WireMock OIDC server publishes the matching key). Each test creates
 * fresh subjects so tests never see each other's patients.
 */
public record Users(String subject, String role, String name) {

    public static Users of(String role) {
        return new Users(UUID.randomUUID().toString(), role, role + " " + UUID.randomUUID().toString().substring(0, 6));
    }

    public static Users physician() {
        return of("physician");
    }

    public static Users physicalTherapist() {
        return of("physical-therapist");
    }

    public static Users psychologist() {
        return of("psychologist");
    }

    public static Users patient() {
        return of("patient");
    }

    public static Users admin() {
        return of("admin");
    }

    public static Users integrator() {
        return of("integrator");
    }

    /** Where e-mail for this user goes (unique per user, so tests can find their own mail). */
    public String email() {
        return subject.substring(0, 8) + "@" + role + ".example.org";
    }

    /** The audience the realm's BackCare clients put in their tokens (platform-web's quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "backcare-api";

    public String token() {
        return tokenFor(AUDIENCE);
    }

    /** A token of the same issuer and user, but issued for another audience (another client of the realm). */
    public String tokenFor(String audience) {
        return Jwt.subject(subject)
                .preferredUserName(name)
                .claim("name", name)
                .groups(Set.of(role))
                .issuer("https://server.example.com")
                .audience(audience)
                .sign();
    }
}
