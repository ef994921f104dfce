package org.backcare.platform.idempotency;

/** The first answer to a keyed request, as sent: status, the headers a retry must see again, and the body bytes. */
public record StoredResponse(int status, String contentType, String location, String etag, byte[] body) {
}
