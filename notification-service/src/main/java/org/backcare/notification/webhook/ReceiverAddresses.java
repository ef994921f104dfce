package org.backcare.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps webhooks pointed at the outside world: a receiver on loopback, a private or link-local network would let an
 * integrator make this service call our own infrastructure (Keycloak, Kafka, the other services) and read the
 * outcome from the delivery log. Checked at registration and again before every send (DNS can change).
 */
public final class ReceiverAddresses {

    private ReceiverAddresses() {
    }

    /** Why the URL's host may not receive webhooks, or empty when every address it resolves to is public. */
    public static Optional<String> refusal(String url) {
        String host = URI.create(url).getHost();
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return Arrays.stream(addresses).filter(a -> !isPublic(a)).findFirst()
                    .map(a -> host + " resolves to " + a.getHostAddress()
                            + ", a loopback, private or link-local address; webhooks go to public addresses only");
        } catch (UnknownHostException e) {
            return Optional.of(host + " cannot be resolved");
        }
    }

    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are not public either.
            return !(first == 100 && second >= 64 && second < 128) && first != 0;
        }
        // fc00::/7: IPv6 unique local addresses, the private networks of IPv6.
        return (b[0] & 0xfe) != 0xfc;
    }
}
