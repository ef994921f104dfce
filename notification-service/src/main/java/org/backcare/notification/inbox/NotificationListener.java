package org.backcare.notification.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Holds one database connection of its own (not from the pool: it stays open for the life of the instance) that
 * LISTENs for committed notifications and passes them to the {@link LiveFeed}. When the connection breaks (a
 * database restart) it reconnects with growing pauses; what was committed meanwhile is in the inbox, not pushed.
 */
@ApplicationScoped
public class NotificationListener {

    private static final Logger LOG = Logger.getLogger(NotificationListener.class);
    private static final int WAIT_MILLIS = 5_000;
    private static final long MAX_PAUSE_MILLIS = 10_000;

    private final LiveFeed feed;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running = true;
    private volatile Thread thread;

    public NotificationListener(LiveFeed feed, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                                @ConfigProperty(name = "quarkus.datasource.username") String user,
                                @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.feed = feed;
        this.url = url;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", "notification-live-feed");
    }

    void start(@Observes StartupEvent started) {
        Thread t = new Thread(this::listen, "live-feed-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void listen() {
        long pause = 200;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, credentials);
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + LiveFeed.CHANNEL);
                pause = 200;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        deliver(received);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("live feed: listening for notifications failed (%s); reconnecting in %d ms", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    private void deliver(PGNotification[] received) {
        List<UUID> ids = new ArrayList<>(received.length);
        for (PGNotification n : received) {
            try {
                ids.add(UUID.fromString(n.getParameter()));
            } catch (IllegalArgumentException e) {
                LOG.warnf("live feed: ignoring a notification payload that is not an id");
            }
        }
        try {
            feed.committed(ids);
        } catch (RuntimeException e) {
            // The database is busy or away: these are in the inbox; the stream goes on with the next ones.
            LOG.warnf("live feed: could not load %d committed notification(s): %s", ids.size(), e.getMessage());
        }
    }
}
