package org.backcare.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The examples of deploy/asyncapi.yaml as envelopes, so a consumer's contract test feeds exactly what the document
 * shows: if the document and the consumer drift apart, the test fails.
 */
public final class AsyncApiExamples {

    /** The document, seen from a service module's directory (where its tests run). */
    private static final Path DOCUMENT = Path.of("../deploy/asyncapi.yaml");

    private AsyncApiExamples() {
    }

    /** A copy of the payload of the example named {@code example} of message {@code message}. */
    public static ObjectNode example(String message, String example) {
        JsonNode examples;
        try {
            examples = new YAMLMapper().readTree(DOCUMENT.toFile()).path("components").path("messages").path(message)
                    .path("examples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode candidate : examples) {
            if (example.equals(candidate.path("name").asText())) {
                return ((ObjectNode) candidate.path("payload")).deepCopy();
            }
        }
        throw new IllegalArgumentException("deploy/asyncapi.yaml has no example '" + example + "' of " + message);
    }
}
