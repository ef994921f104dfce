package org.backcare.notification.webhook;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "a-secret-of-more-than-16-chars";
    private static final String BODY = "{\"eventId\":\"6a3f\",\"kinds\":[\"red-flag\"]}";
    private static final Instant T = Instant.parse("2026-11-23T09:15:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void headerCarriesTheTimestampAndTheHmacOfTimestampDotBody() throws Exception {
        String header = WebhookSignature.sign(SECRET, T, BODY);

        // Recomputed the way the documentation tells receivers to, independent of the production code.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(
                mac.doFinal((T.getEpochSecond() + "." + BODY).getBytes(StandardCharsets.UTF_8)));
        assertThat(header).isEqualTo("t=" + T.getEpochSecond() + ",v1=" + expected);
    }

    @Test
    void aFreshSignatureVerifies() {
        String header = WebhookSignature.sign(SECRET, T, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, T.plusSeconds(30), FIVE_MINUTES)).isTrue();
    }

    @Test
    void anyChangeToBodySecretOrTimestampFailsVerification() {
        String header = WebhookSignature.sign(SECRET, T, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("red-flag", "flare"), T, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify("another-secret-of-16-chars", header, BODY, T, FIVE_MINUTES)).isFalse();
        String shifted = header.replace("t=" + T.getEpochSecond(), "t=" + (T.getEpochSecond() + 1));
        assertThat(WebhookSignature.verify(SECRET, shifted, BODY, T, FIVE_MINUTES)).isFalse();
    }

    @Test
    void anOldSignatureIsRefusedSoACapturedRequestCannotBeReplayedLater() {
        String header = WebhookSignature.sign(SECRET, T, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, T.plus(Duration.ofMinutes(6)), FIVE_MINUTES)).isFalse();
    }

    @Test
    void malformedHeadersAreRefused() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, T, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "", BODY, T, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, T, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=abc", BODY, T, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=" + T.getEpochSecond(), BODY, T, FIVE_MINUTES)).isFalse();
    }
}
