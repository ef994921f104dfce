package org.backcare.platform.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    @Test
    void noHeaderIsNoKey() {
        assertThat(IdempotencyKeys.parse(null)).isEmpty();
        assertThat(IdempotencyKeys.parse(List.of())).isEmpty();
    }

    @Test
    void aBareKeyAndTheDraftsQuotedStringNameTheSameKey() {
        assertThat(IdempotencyKeys.parse(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
                .contains("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKeys.parse(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")))
                .contains("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKeys.parse(List.of("  retry-1 "))).contains("retry-1");
        assertThat(IdempotencyKeys.parse(List.of("\"a \\\"quoted\\\" key\""))).contains("a \"quoted\" key");
    }

    @Test
    void keysAreOneTo255VisibleAsciiCharacters() {
        assertThat(IdempotencyKeys.parse(List.of("x".repeat(255)))).contains("x".repeat(255));
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of("x".repeat(256))))
                .isInstanceOf(IdempotencyKeys.InvalidKey.class).hasMessageContaining("1 to 255 characters");
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of("")))
                .isInstanceOf(IdempotencyKeys.InvalidKey.class).hasMessageContaining("1 to 255 characters");
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of("\"\"")))
                .isInstanceOf(IdempotencyKeys.InvalidKey.class);
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of("schlüssel")))
                .isInstanceOf(IdempotencyKeys.InvalidKey.class).hasMessageContaining("visible ASCII");
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of("a\tb")))
                .isInstanceOf(IdempotencyKeys.InvalidKey.class);
        assertThatThrownBy(() -> IdempotencyKeys.parse(List.of("\"a\"b\"")))
                .isInstanceOf(IdempotencyKeys.InvalidKey.class).hasMessageContaining("escape");
    }

    @Test
    void oneHeaderOnly() {
        assertThatThrownBy(() -> IdempotencyKeys.parse(Arrays.asList("a", "b")))
                .isInstanceOf(IdempotencyKeys.InvalidKey.class).hasMessageContaining("one Idempotency-Key header");
    }

    @Test
    void sha256IsTheKnownDigest() {
        assertThat(IdempotencyKeys.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(IdempotencyKeys.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theSameRequestIsTheSameMethodPathAndBodyBytes() {
        byte[] body = "{\"drug\":\"naproxen\",\"dose\":500}".getBytes(StandardCharsets.UTF_8);
        Fingerprint first = Fingerprint.of("POST", "/patients/1/medication-intakes", body);
        assertThat(Fingerprint.of("POST", "/patients/1/medication-intakes", body.clone())).isEqualTo(first);
        assertThat(Fingerprint.of("POST", "/patients/1/medication-intakes",
                "{\"drug\": \"naproxen\", \"dose\": 500}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(first);
        assertThat(Fingerprint.of("POST", "/patients/2/medication-intakes", body)).isNotEqualTo(first);
        assertThat(Fingerprint.of("PUT", "/patients/1/medication-intakes", body)).isNotEqualTo(first);
    }

    @Test
    void theDifferenceNamesTheFirstRequest() {
        Fingerprint first = Fingerprint.of("POST", "/a", new byte[] {1});
        assertThat(Fingerprint.of("POST", "/a", new byte[] {2}).differenceFrom(first)).isEqualTo("POST /a with another body");
        assertThat(Fingerprint.of("POST", "/b", new byte[] {1}).differenceFrom(first)).isEqualTo("POST /a");
    }
}
