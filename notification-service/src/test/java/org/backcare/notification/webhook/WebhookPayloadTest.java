package org.backcare.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backcare.notification.routing.IncomingEvent;
import org.backcare.notification.routing.Notice;
import org.backcare.notification.routing.Priority;
import org.backcare.notification.routing.Recipient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPayloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void carriesIdsKindsAndTheHighestPriorityButNoTitlesOrMessages() throws Exception {
        UUID delivery = UUID.randomUUID();
        IncomingEvent event = new IncomingEvent(UUID.randomUUID(), "RedFlagRaised", UUID.randomUUID(),
                Instant.parse("2026-11-23T09:15:00Z"), JSON.createObjectNode().put("screenedBy", "dr-who"));
        List<Notice> notices = List.of(
                new Notice(Recipient.person("dr-1"), "red-flag", Priority.URGENT, "URGENT red flag: Anna Berg",
                        "Fever. Anna Berg needs urgent evaluation.", true),
                new Notice(Recipient.person("dr-2"), "red-flag", Priority.URGENT, "URGENT red flag: Anna Berg",
                        "Fever.", true),
                Notice.to(Recipient.person("anna"), "urgent-care-guidance", Priority.HIGH, "Please read", "Seek care"));

        String body = WebhookPayload.of(JSON, delivery, event, notices);

        JsonNode json = JSON.readTree(body);
        assertThat(json.get("deliveryId").asText()).isEqualTo(delivery.toString());
        assertThat(json.get("eventId").asText()).isEqualTo(event.id().toString());
        assertThat(json.get("eventType").asText()).isEqualTo("RedFlagRaised");
        assertThat(json.get("patientId").asText()).isEqualTo(event.patientId().toString());
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-23T09:15:00Z");
        assertThat(json.get("kinds").toString()).isEqualTo("[\"red-flag\",\"urgent-care-guidance\"]");
        assertThat(json.get("priority").asText()).isEqualTo("urgent");
        assertThat(json.get("summary").asText()).isEqualTo("RedFlagRaised: red-flag, urgent-care-guidance (urgent)");
        assertThat(body).doesNotContain("Anna").doesNotContain("Fever").doesNotContain("dr-");
    }

    @Test
    void textIsEscapedAsJson() throws Exception {
        IncomingEvent event = new IncomingEvent(UUID.randomUUID(), "Odd\"Type\\", UUID.randomUUID(), null, null);
        String body = WebhookPayload.of(JSON, UUID.randomUUID(), event,
                List.of(Notice.to(Recipient.person("x"), "flare", Priority.NORMAL, "t", "m")));
        assertThat(JSON.readTree(body).get("eventType").asText()).isEqualTo("Odd\"Type\\");
        assertThat(JSON.readTree(body).get("occurredAt").isNull()).isTrue();
    }
}
