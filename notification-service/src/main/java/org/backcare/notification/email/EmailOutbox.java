package org.backcare.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.notification.common.Backoff;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Sends queued e-mail that is due, one message per transaction. */
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

    /**
     * Sends the next due message, if any. The row stays locked (FOR UPDATE SKIP
     * LOCKED) while the SMTP server is talked to, so another instance skips it instead of sending it a second time.
     * A failure is recorded on the row and this transaction still commits.
     */
    @Transactional
    public Attempt sendNextDue() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<EmailMessage> due = EmailMessage.getEntityManager()
                .createNativeQuery("select * from email_message where status = 'pending' and next_attempt_at <= :now "
                        + "order by urgent desc, next_attempt_at limit 1 for update skip locked", EmailMessage.class)
                .setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return Attempt.NONE_DUE;
        }
        EmailMessage m = due.get(0);
        m.attempts++;
        try {
            Mail mail = Mail.withText(m.toAddress, m.subject, m.body);
            if (m.urgent) {
                // Most mail clients flag these; the subject already says URGENT for red flags.
                mail.addHeader("Importance", "high").addHeader("X-Priority", "1");
            }
            mailer.send(mail);
            m.status = EmailMessage.SENT;
            m.sentAt = Instant.now(clock);
            m.lastError = null;
            return Attempt.SENT;
        } catch (RuntimeException e) {
            m.lastError = describe(e);
            if (m.attempts >= config.maxAttempts()) {
                m.status = EmailMessage.FAILED;
                LOG.errorf("e-mail %s to %s failed %d times, giving up: %s", m.id, m.toAddress, m.attempts, m.lastError);
            } else {
                m.nextAttemptAt = Instant.now(clock).plus(backoff.nominal(m.attempts));
                LOG.warnf("e-mail %s to %s failed (attempt %d), next try at %s: %s", m.id, m.toAddress, m.attempts,
                        m.nextAttemptAt, m.lastError);
            }
            return Attempt.FAILED;
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
