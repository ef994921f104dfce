package org.backcare.notification.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.backcare.notification.inbox.Inbox;
import org.backcare.notification.patient.PatientProjection;
import org.backcare.notification.preference.Preferences;
import org.backcare.notification.preference.Settings;
import org.backcare.notification.routing.Priority;
import org.backcare.notification.routing.Recipient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/** Finds the patients due today's check-in reminder and reminds each of them once. */
@ApplicationScoped
public class Reminders {

    public static final String KIND = "daily-check-in-reminder";
    static final String TITLE = "Time for your daily check-in";
    static final String MESSAGE = "How is your back today? Your daily check-in takes about a minute and helps your "
            + "care team see how you are doing and adjust your plan when needed. You can choose when this reminder "
            + "comes in your preferences.";

    private final Clock clock;
    private final Preferences preferences;
    private final ReminderConfig config;
    private final Inbox inbox;

    public Reminders(Clock clock, Preferences preferences, ReminderConfig config, Inbox inbox) {
        this.clock = clock;
        this.preferences = preferences;
        this.config = config;
        this.inbox = inbox;
    }

    /**
     * Active patients with a login who might be due: a coarse filter in SQL (nobody's "today" is later than the date
     * at UTC+18), the exact rule per patient in {@link #remindIfDue}. One page, ordered by id, after {@code after}.
     */
    @Transactional
    public List<UUID> candidates(UUID after, int limit) {
        LocalDate latestToday = LocalDate.now(clock.withZone(ZoneOffset.MAX));
        var query = PatientProjection.getEntityManager()
                .createQuery("select p.id from PatientProjection p where p.status = 'active' and p.oidcSubject is not null "
                        + "and (p.lastRemindedOn is null or p.lastRemindedOn < :latest) "
                        + "and (p.lastCheckInDay is null or p.lastCheckInDay < :latest) "
                        + (after == null ? "" : "and p.id > :after ") + "order by p.id", UUID.class)
                .setParameter("latest", latestToday)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }

    /**
     * Reminds one patient if due. The patient row is locked and the rule checked again, and the notification and
     * lastRemindedOn commit together: at most one reminder a day, across passes, instances and restarts.
     */
    @Transactional
    public boolean remindIfDue(UUID patientId) {
        PatientProjection p = PatientProjection.findById(patientId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || p.isDischarged() || p.oidcSubject == null) {
            return false;
        }
        Settings settings = preferences.of(p.oidcSubject);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(settings.zoneOr(clock.getZone())));
        if (!ReminderRules.isDue(now, settings.reminderTimeOr(config.defaultTime()), p.lastCheckInDay, p.lastRemindedOn)) {
            return false;
        }
        inbox.store(Recipient.person(p.oidcSubject), p.id, null, null, KIND, Priority.NORMAL, TITLE, MESSAGE, 0);
        // The patient's local date, the same calendar isDue compares with.
        p.lastRemindedOn = now.toLocalDate();
        return true;
    }
}
