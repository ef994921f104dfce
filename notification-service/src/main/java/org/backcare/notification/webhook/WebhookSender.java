package org.backcare.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Sends one signed delivery over HTTP and reports what happened; never throws for the receiver's failures. */
@ApplicationScoped
public class WebhookSender {

    public static final String DELIVERY_HEADER = "X-BackCare-Delivery";
    public static final String EVENT_HEADER = "X-BackCare-Event";
    private static final int MAX_ERROR = 500;

    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final boolean allowPrivateAddresses;

    public WebhookSender(WebhookConfig config, Clock clock) {
        this.allowPrivateAddresses = config.allowPrivateAddresses();
        // No redirects: a receiver that moved must be re-registered, we do not follow it (and the body) elsewhere.
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = config.requestTimeout();
        this.clock = clock;
    }

    /** What one attempt came to: the HTTP status, or the error when there was no answer. */
    public record Result(Instant startedAt, Integer httpStatus, String error, long durationMs) {
        public boolean accepted() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    public Result send(String url, String secret, String deliveryId, String eventType, String body) {
        Instant started = Instant.now(clock);
        long start = System.nanoTime();
        if (!allowPrivateAddresses) {
            var refusal = ReceiverAddresses.refusal(url);
            if (refusal.isPresent()) {
                return new Result(started, null, "not sent: " + refusal.get(), elapsed(start));
            }
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "BackCare-Webhooks/1")
                    .header(DELIVERY_HEADER, deliveryId)
                    .header(EVENT_HEADER, eventType)
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, Instant.now(clock), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            // The receiver's answer body is of no use to us; discarding it also bounds what a receiver can make us read.
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Result(started, response.statusCode(), null, elapsed(start));
        } catch (HttpConnectTimeoutException e) {
            return new Result(started, null, "connection timed out", elapsed(start));
        } catch (HttpTimeoutException e) {
            return new Result(started, null, "no answer within " + requestTimeout, elapsed(start));
        } catch (ConnectException e) {
            return new Result(started, null, "connection refused", elapsed(start));
        } catch (IOException | IllegalArgumentException e) {
            return new Result(started, null, describe(e), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(started, null, "interrupted while sending", elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
