package org.backcare.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.backcare.notification.inbox.NotificationCreated;
import org.backcare.notification.preference.Preferences;
import org.backcare.notification.preference.QuietHours;
import org.backcare.notification.preference.Settings;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues an e-mail for each new notification whose recipient wants e-mail and has a known address. Observes
 * synchronously, so the message row commits (or rolls back) with the notification itself: no mail about a
 * notification that does not exist, and none lost when the service stops right after the commit.
 */
@ApplicationScoped
public class EmailChannel {

    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    private final Clock clock;
    private final Preferences preferences;
    private final Addresses addresses;

    public EmailChannel(Clock clock, Preferences preferences, Addresses addresses) {
        this.clock = clock;
        this.preferences = preferences;
        this.addresses = addresses;
    }

    void onCreated(@Observes NotificationCreated n) {
        Instant now = Instant.now(clock);
        Optional<String> to;
        Instant notBefore = now;
        if (n.recipientSubject() == null) {
            // A shared role queue has no personal preferences or quiet hours: someone on duty reads that mailbox.
            to = addresses.forRole(n.recipientRole());
        } else {
            Settings settings = preferences.of(n.recipientSubject());
            if (!settings.emailEnabled()) {
                return;
            }
            to = addresses.forPerson(n.recipientSubject(), n.patientId(), settings);
            QuietHours quiet = settings.quietHours();
            if (quiet != null && !n.isUrgent()) {
                // Urgent alerts and urgent-care guidance never wait; everything else waits for the morning.
                notBefore = quiet.deferUntil(now, settings.zoneOr(clock.getZone()));
            }
        }
        if (to.isEmpty()) {
            LOG.debugf("notification %s: no e-mail address known for %s; inbox only", n.id(),
                    n.recipientSubject() != null ? n.recipientSubject() : "role " + n.recipientRole());
            return;
        }
        EmailMessage m = new EmailMessage();
        m.id = UUID.randomUUID();
        m.notificationId = n.id();
        m.toAddress = to.get();
        m.subject = EmailText.subject(n);
        m.body = EmailText.body(n);
        m.urgent = n.isUrgent();
        m.createdAt = now;
        m.notBefore = notBefore;
        m.nextAttemptAt = notBefore;
        m.status = EmailMessage.PENDING;
        m.attempts = 0;
        m.persist();
    }
}
