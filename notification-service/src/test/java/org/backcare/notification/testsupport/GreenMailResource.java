package org.backcare.notification.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Starts a real SMTP server (GreenMail, in this JVM) on a free loopback port and points quarkus.mailer at it, so the
 * e-mail channel is tested over SMTP rather than with the mock mailer. Tests read what arrived from {@link #MAIL}.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    /** The running server; each test looks only at mail to its own fresh users. */
    public static volatile GreenMail MAIL;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        MAIL = mail;
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port));
    }

    @Override
    public void stop() {
        if (MAIL != null) {
            MAIL.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for GreenMail", e);
        }
    }
}
