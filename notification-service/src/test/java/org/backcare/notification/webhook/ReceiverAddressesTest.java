package org.backcare.notification.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fe80::1", "fd12:3456::1", "224.0.0.1"})
    void internalAddressesAreNotPublic(String address) throws UnknownHostException {
        assertThat(ReceiverAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.128.0.1", "2001:4860:4860::8888"})
    void internetAddressesArePublic(String address) throws UnknownHostException {
        assertThat(ReceiverAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aUrlOnLoopbackIsRefusedWithTheReason() {
        assertThat(ReceiverAddresses.refusal("http://127.0.0.1:8081/patients")).hasValueSatisfying(reason ->
                assertThat(reason).contains("127.0.0.1").contains("public addresses only"));
        assertThat(ReceiverAddresses.refusal("https://10.0.0.5/hook")).isPresent();
    }
}
