package org.backcare.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The consumer side of the envelope every BackCare event travels in (deploy/asyncapi.yaml, EventEnvelope), and the
 * one way a consumer reads it: {@link #read} skips (and logs) what can never be applied, {@link #applyOnce} applies
 * the rest exactly once. Unknown fields are ignored so producers can add optional ones; {@code data} is never null
 * (a missing node when absent), the event payload records of each service read it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, UUID patientId, JsonNode data) {

    private static final Logger LOG = Logger.getLogger(EventEnvelope.class);

    public EventEnvelope {
        data = data == null ? MissingNode.getInstance() : data;
    }

    /**
     * The envelope of a message of one of {@code types}, or empty when it must be skipped: silently when it is of
     * another type; logged as an error when it is not readable JSON, has an envelope field of the wrong shape, lacks
     * its id or patientId, or has a schema version other than {@code supportedVersion} (it never becomes readable, so
     * it is skipped rather than block the partition). Parsed with the service's ObjectMapper, so as strictly as the
     * service reads anything else.
     */
    public static Optional<EventEnvelope> read(ObjectMapper json, String topic, String payload, Set<String> types,
                                               int supportedVersion) {
        return parse(json, topic, payload, types, supportedVersion, true);
    }

    /** As {@link #read(ObjectMapper, String, String, Set, int)} for a consumer that takes events of every type. */
    public static Optional<EventEnvelope> read(ObjectMapper json, String topic, String payload, int supportedVersion) {
        return parse(json, topic, payload, Set.of(), supportedVersion, false);
    }

    private static Optional<EventEnvelope> parse(ObjectMapper json, String topic, String payload, Set<String> types,
                                                 int supportedVersion, boolean filtered) {
        EventEnvelope event;
        try {
            JsonNode tree = json.readTree(payload);
            if (filtered && !types.contains(tree.path("type").asText(""))) {
                return Optional.empty();
            }
            if (!tree.isObject()) {
                LOG.errorf("%s: skipping an unreadable message: not a JSON object", topic);
                return Optional.empty();
            }
            event = json.treeToValue(tree, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            LOG.errorf("%s: skipping an unreadable message: %s", topic, e.getOriginalMessage());
            return Optional.empty();
        }
        if (event.id() == null || event.type() == null || event.patientId() == null) {
            LOG.errorf("%s: skipping an event without id, type or patientId (id %s, type %s)", topic, event.id(),
                    event.type());
            return Optional.empty();
        }
        if (event.version() != supportedVersion) {
            LOG.errorf("%s: event %s (%s) has schema version %d, this service reads %d; skipped", topic, event.id(),
                    event.type(), event.version(), supportedVersion);
            return Optional.empty();
        }
        return Optional.of(event);
    }

    /**
     * Runs {@code effect} unless this event id was applied before, and records the id as applied, all in the caller's
     * transaction; returns whether it ran. A failure of the effect propagates (nothing is recorded), so the
     * consumer's EventRetry tries again.
     */
    public boolean applyOnce(String topic, Clock clock, Runnable effect) {
        if (ProcessedEvent.seen(id)) {
            return false;
        }
        effect.run();
        ProcessedEvent.record(id, topic, type, Instant.now(clock));
        return true;
    }
}
