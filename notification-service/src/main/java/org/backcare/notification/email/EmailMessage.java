package org.backcare.notification.email;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One queued e-mail for one notification; the sender updates it after each attempt. */
@Entity
@Table(name = "email_message")
public class EmailMessage extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    public UUID id;
    public UUID notificationId;
    public String toAddress;
    public String subject;
    public String body;
    public boolean urgent;
    public Instant createdAt;
    /** Not sent before: the end of the recipient's quiet hours, or the moment it was queued. */
    public Instant notBefore;
    /** When the sender tries next; later than notBefore after a failed attempt. */
    public Instant nextAttemptAt;
    public String status;
    public int attempts;
    public String lastError;
    public Instant sentAt;
}
