package org.backcare.notification.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of POST /webhooks. */
@Schema(name = "NewWebhook", description = "A webhook endpoint to register")
public record NewWebhook(
        @Schema(required = true, example = "https://integrations.example.org/backcare/hooks",
                description = "Absolute http or https URL that receives a POST per delivery")
        String url,
        @Schema(example = "8f1c0e9a2b7d4e6f9a1b3c5d7e9f0a2b", minLength = 16, maxLength = 256,
                description = "Signs every delivery (HMAC-SHA256). At least 16 characters; when absent the service "
                        + "generates one and returns it once, in the creation response")
        String secret,
        @Schema(example = "[\"red-flag\", \"worsening-trend\"]",
                description = "Notification kinds to receive (see GET /notifications/kinds); empty or absent: all")
        List<String> kinds,
        @Schema(example = "Clinic EHR bridge", maxLength = 500) String description) {
}
