package org.backcare.notification.webhook;

import org.backcare.platform.problem.ProblemException;
import org.backcare.notification.routing.Routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a webhook registration must satisfy. Pure: each check fails with a 400 that names the field. */
public final class WebhookRules {

    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;
    public static final int MAX_URL = 2000;
    public static final int MAX_DESCRIPTION = 500;

    private WebhookRules() {
    }

    /** The checked URL, as given (trimmed). */
    public static String url(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badRequest("url", "is required");
        }
        String value = url.strip();
        if (value.length() > MAX_URL) {
            throw ProblemException.badRequest("url", "must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("url", "is not a valid URL: " + e.getReason());
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw ProblemException.badRequest("url", "must be an absolute URL such as https://example.org/hooks");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ProblemException.badRequest("url", "must use http or https, not " + uri.getScheme());
        }
        if (uri.getRawUserInfo() != null) {
            // Credentials in a URL end up in logs and listings; the signature is how receivers authenticate us.
            throw ProblemException.badRequest("url", "must not contain credentials; verify the signature instead");
        }
        return value;
    }

    /** The checked secret, or null when none was given (one is generated then). */
    public static String secret(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw ProblemException.badRequest("secret", "must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters; leave it out to have one generated");
        }
        return secret;
    }

    /** The checked kinds without duplicates; empty means all. */
    public static List<String> kinds(List<String> kinds) {
        List<String> out = new ArrayList<>();
        if (kinds == null) {
            return out;
        }
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            if (kind == null || !Routing.kinds().contains(kind)) {
                throw ProblemException.badRequest("kinds[" + i + "]", "unknown kind '" + kind + "'; expected one of "
                        + Routing.kinds());
            }
            if (!out.contains(kind)) {
                out.add(kind);
            }
        }
        return out;
    }

    public static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ProblemException.badRequest("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description == null || description.isBlank() ? null : description.strip();
    }
}
