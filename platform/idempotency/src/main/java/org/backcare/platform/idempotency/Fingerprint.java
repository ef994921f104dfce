package org.backcare.platform.idempotency;

/**
 * What makes two requests "the same request" for one key: the method, the path (with its query, as sent) and the
 * SHA-256 of the raw body bytes. JSON with other spacing or field order is another request.
 */
public record Fingerprint(String method, String path, String bodySha256) {

    public static Fingerprint of(String method, String path, byte[] body) {
        return new Fingerprint(method, path, IdempotencyKeys.sha256(body));
    }

    /** How the request this key was first used for differs from this one, for the client to see. */
    public String differenceFrom(Fingerprint first) {
        if (!method.equals(first.method) || !path.equals(first.path)) {
            return first.method + " " + first.path;
        }
        return first.method + " " + first.path + " with another body";
    }
}
