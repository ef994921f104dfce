package org.backcare.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint as its owner sees it. The secret is never shown, except once when the service generated it. */
@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(example = "https://integrations.example.org/backcare/hooks") String url,
        @Schema(example = "[\"red-flag\", \"worsening-trend\"]", description = "Subscribed kinds; empty: all")
        List<String> kinds,
        @Schema(example = "Clinic EHR bridge") String description,
        @Schema(description = "OIDC subject of the integrator who registered it") String owner,
        Instant createdAt,
        @Schema(description = "false after too many failed attempts in a row; POST .../enable to resume") boolean enabled,
        Instant disabledAt,
        @Schema(example = "10 failed attempts in a row; last: HTTP 503") String disabledReason,
        @Schema(description = "Failed attempts in a row; any success resets it", example = "0") int consecutiveFailures,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the creation response, and only when the service generated the secret: "
                + "store it now, it is never shown again", example = "whsec_QmFja0NhcmUgd2ViaG9vayBzZWNyZXQ")
        String secret) {

    static WebhookView of(WebhookEndpoint e) {
        return of(e, null);
    }

    static WebhookView of(WebhookEndpoint e, String generatedSecret) {
        return new WebhookView(e.id, e.url, List.copyOf(e.kinds), e.description, e.ownerSubject, e.createdAt,
                e.isEnabled(), e.disabledAt, e.disabledReason, e.consecutiveFailures, generatedSecret);
    }
}
