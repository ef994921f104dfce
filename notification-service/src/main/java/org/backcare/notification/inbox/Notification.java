package org.backcare.notification.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One inbox item for one recipient: a person, or everyone holding a role (the admins' shared queue). */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;
    public String recipientSubject;
    public String recipientRole;
    public UUID patientId;
    public UUID sourceEventId;
    /** Set for the notifications of an urgent alert; acknowledging any of them acknowledges the alert. */
    public UUID alertId;
    public String kind;
    public String priority;
    public String title;
    public String message;
    public Instant createdAt;
    public Instant readAt;
    public String readBy;
    /** 0 for the first notice; the escalation level that produced this notification otherwise. */
    public int escalationLevel;

    @Version
    public long version;
}
