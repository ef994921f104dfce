package org.backcare.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The Idempotency-Key request header (draft-ietf-httpapi-idempotency-key-header): 1 to 255 visible ASCII characters,
 * sent bare ({@code Idempotency-Key: 8e03978e-40d5}) or as the draft's structured-field string
 * ({@code Idempotency-Key: "8e03978e-40d5"}); both name the same key.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** A header value that is not a valid key; the message says what a client must send instead. */
    public static final class InvalidKey extends IllegalArgumentException {
        InvalidKey(String message) {
            super(message);
        }
    }

    /** The key of a request, empty when it carries no Idempotency-Key header. */
    public static Optional<String> parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new InvalidKey("send one Idempotency-Key header, not " + values.size());
        }
        String key = values.get(0) == null ? "" : values.get(0).strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = unquote(key);
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new InvalidKey("must be 1 to " + MAX_LENGTH + " characters, for example a random UUID");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidKey("must consist of visible ASCII characters, for example a random UUID");
            }
        }
        return Optional.of(key);
    }

    /** The content of a structured-field string: the quotes removed, \" and \\ unescaped. */
    private static String unquote(String quoted) {
        StringBuilder key = new StringBuilder(quoted.length() - 2);
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                c = quoted.charAt(++i);
            } else if (c == '"') {
                throw new InvalidKey("a quoted key must escape its quotes as \\\"");
            }
            key.append(c);
        }
        return key.toString();
    }

    /** Lowercase hex SHA-256 of these bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
