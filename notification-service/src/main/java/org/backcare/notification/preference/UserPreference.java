package org.backcare.notification.preference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalTime;

/** The stored preferences of one user; absent until the user saves them for the first time. */
@Entity
@Table(name = "user_preference")
public class UserPreference extends PanacheEntityBase {

    /** The OIDC subject: preferences belong to a login, not to a patient record. */
    @Id
    public String subject;
    public String email;
    public boolean emailEnabled;
    public LocalTime quietHoursStart;
    public LocalTime quietHoursEnd;
    public String timeZone;
    public LocalTime checkInReminderTime;
    public Instant updatedAt;

    /** Row version: the ETag clients send back in If-Match. */
    @Version
    public long version;
}
