package org.backcare.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.backcare.notification.common.Backoff;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Sends queued e-mail that is due: claimed, sent and marked one message at a time. */
@ApplicationScoped
public class EmailOutbox {

    private static final Logger LOG = Logger.getLogger(EmailOutbox.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Clock clock;
    private final Mailer mailer;
    private final EmailConfig config;
    private final Backoff backoff;

    public EmailOutbox(Clock clock, Mailer mailer, EmailConfig config) {
        this.clock = clock;
        this.mailer = mailer;
        this.config = config;
        this.backoff = new Backoff(config.retryDelay(), config.maxRetryDelay());
    }

    /** What one attempt came to. */
    public enum Attempt { NONE_DUE, SENT, FAILED }

    /** A claimed message, read out of its transaction so that it can be sent with none open. */
    private record Claimed(UUID id, String to, String subject, String body, boolean urgent, int attempts) {
    }

    /** A message the SMTP server accepted whose row could not be marked sent yet (the database away). */
    private record Unrecorded(UUID id, Instant sentAt) {
    }

    private final Queue<Unrecorded> unrecorded = new ConcurrentLinkedQueue<>();

    /**
     * Sends the next due message, if any. The message is claimed first: its next attempt moves a lease
     * ({@code backcare.email.send-lease}) ahead and that commits, so other instances leave it alone. It is then sent
     * with no transaction open, and marked sent in a transaction of its own. A database failure after the SMTP
     * server took the message therefore cannot put it back in the queue: the mark is retried (from memory) before
     * anything else is sent. Only if this instance dies between sending and marking is the message sent again,
     * once the lease has run out.
     */
    public Attempt sendNextDue() {
        if (!recordUnrecorded()) {
            return Attempt.FAILED;
        }
        Optional<Claimed> next = QuarkusTransaction.requiringNew().call(this::claimNextDue);
        if (next.isEmpty()) {
            return Attempt.NONE_DUE;
        }
        Claimed m = next.get();
        try {
            Mail mail = Mail.withText(m.to(), m.subject(), m.body());
            if (m.urgent()) {
                // Most mail clients flag these; the subject already says URGENT for red flags.
                mail.addHeader("Importance", "high").addHeader("X-Priority", "1");
            }
            mailer.send(mail);
        } catch (RuntimeException e) {
            // Not recorded if the database is away too: the lease runs out and the message is tried again.
            QuarkusTransaction.requiringNew().run(() -> recordFailure(m, describe(e)));
            return Attempt.FAILED;
        }
        Unrecorded sent = new Unrecorded(m.id(), Instant.now(clock));
        try {
            QuarkusTransaction.requiringNew().run(() -> recordSent(sent));
        } catch (RuntimeException e) {
            LOG.warnf("e-mail %s was sent but could not be marked sent (%s); marking it again on the next pass",
                    m.id(), e.getMessage());
            unrecorded.add(sent);
        }
        return Attempt.SENT;
    }

    /** Marks what was sent while the database was away; false while it still is. */
    private boolean recordUnrecorded() {
        for (Unrecorded sent = unrecorded.peek(); sent != null; sent = unrecorded.peek()) {
            try {
                Unrecorded s = sent;
                QuarkusTransaction.requiringNew().run(() -> recordSent(s));
            } catch (RuntimeException e) {
                LOG.warnf("%d sent e-mail(s) still cannot be marked sent: %s", unrecorded.size(), e.getMessage());
                return false;
            }
            unrecorded.remove();
        }
        return true;
    }

    private Optional<Claimed> claimNextDue() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<EmailMessage> due = EmailMessage.getEntityManager()
                .createNativeQuery("select * from email_message where status = 'pending' and next_attempt_at <= :now "
                        + "order by urgent desc, next_attempt_at limit 1 for update skip locked", EmailMessage.class)
                .setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        EmailMessage m = due.get(0);
        m.attempts++;
        m.nextAttemptAt = now.plus(config.sendLease());
        return Optional.of(new Claimed(m.id, m.toAddress, m.subject, m.body, m.urgent, m.attempts));
    }

    private void recordSent(Unrecorded sent) {
        EmailMessage.update("status = ?1, sentAt = ?2, lastError = null where id = ?3 and status = ?4",
                EmailMessage.SENT, sent.sentAt(), sent.id(), EmailMessage.PENDING);
    }

    private void recordFailure(Claimed claimed, String error) {
        EmailMessage m = EmailMessage.findById(claimed.id());
        if (m == null || !EmailMessage.PENDING.equals(m.status)) {
            return;
        }
        m.lastError = error;
        if (claimed.attempts() >= config.maxAttempts()) {
            m.status = EmailMessage.FAILED;
            LOG.errorf("e-mail %s to %s failed %d times, giving up: %s", m.id, m.toAddress, claimed.attempts(), error);
        } else {
            m.nextAttemptAt = Instant.now(clock).plus(backoff.nominal(claimed.attempts()));
            LOG.warnf("e-mail %s to %s failed (attempt %d), next try at %s: %s", m.id, m.toAddress, claimed.attempts(),
                    m.nextAttemptAt, error);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            text.append(text.isEmpty() ? "" : "; caused by ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }
}
