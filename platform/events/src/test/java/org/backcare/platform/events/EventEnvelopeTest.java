package org.backcare.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.backcare.platform.web.StrictJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventEnvelopeTest {

    private static final Set<String> APPLIED = Set.of("InstrumentCompleted");
    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private static String event(String id, String type, int version, String patientId) {
        return """
                {"id": %s, "type": "%s", "version": %d, "occurredAt": "2026-12-03T10:00:00Z",
                 "source": "tracking-service", "patientId": %s, "data": {"instrument": "start-back"}}"""
                .formatted(id == null ? "null" : '"' + id + '"', type, version,
                        patientId == null ? "null" : '"' + patientId + '"');
    }

    private Optional<EventEnvelope> read(String payload) {
        return EventEnvelope.read(json, "tracking-events", payload, APPLIED, 1);
    }

    @Test
    void aGoodEventIsRead() {
        UUID id = UUID.randomUUID();
        UUID patientId = UUID.randomUUID();
        EventEnvelope event = read(event(id.toString(), "InstrumentCompleted", 1, patientId.toString())).orElseThrow();
        assertThat(event.id()).isEqualTo(id);
        assertThat(event.type()).isEqualTo("InstrumentCompleted");
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(event.patientId()).isEqualTo(patientId);
        assertThat(event.data().path("instrument").asText()).isEqualTo("start-back");
    }

    @Test
    void anUnreadableMessageIsSkipped() {
        assertThat(read("{not json")).isEmpty();
        assertThat(EventEnvelope.read(json, "patient-events", "[1]", 1)).isEmpty();
    }

    @Test
    void anEventOfAnotherTypeIsSkipped() {
        assertThat(read(event(UUID.randomUUID().toString(), "CheckInRecorded", 1, UUID.randomUUID().toString()))).isEmpty();
        assertThat(read("{\"id\": 5}")).isEmpty();
    }

    @Test
    void anEventWithoutAReadableIdOrPatientIdIsSkipped() {
        assertThat(read(event(null, "InstrumentCompleted", 1, UUID.randomUUID().toString()))).isEmpty();
        assertThat(read(event(UUID.randomUUID().toString(), "InstrumentCompleted", 1, null))).isEmpty();
        assertThat(read(event("not-a-uuid", "InstrumentCompleted", 1, UUID.randomUUID().toString()))).isEmpty();
        assertThat(EventEnvelope.read(json, "patient-events", "{\"id\": \"" + UUID.randomUUID() + "\"}", 1)).isEmpty();
    }

    @Test
    void anEventOfAnUnsupportedVersionIsSkipped() {
        assertThat(read(event(UUID.randomUUID().toString(), "InstrumentCompleted", 2, UUID.randomUUID().toString())))
                .isEmpty();
        assertThat(read(event(UUID.randomUUID().toString(), "InstrumentCompleted", 1, UUID.randomUUID().toString())
                .replace("\"version\": 1, ", ""))).isEmpty();
    }

    @Test
    void everyTypeIsReadWhenTheConsumerTakesThemAll() {
        String payload = event(UUID.randomUUID().toString(), "CheckInRecorded", 1, UUID.randomUUID().toString());
        assertThat(EventEnvelope.read(json, "tracking-events", payload, 1)).map(EventEnvelope::type)
                .contains("CheckInRecorded");
    }

    @Test
    void absentDataIsAMissingNodeNotNull() {
        String payload = "{\"id\": \"%s\", \"type\": \"InstrumentCompleted\", \"version\": 1, \"patientId\": \"%s\"}"
                .formatted(UUID.randomUUID(), UUID.randomUUID());
        EventEnvelope event = read(payload).orElseThrow();
        assertThat(event.data().isMissingNode()).isTrue();
        assertThat(event.occurredAt()).isNull();
    }
}
