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
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finds the patients due today's check-in reminder and reminds each of them once. */
@ApplicationScoped
public class Reminders {

    public static final String KIND = "daily-check-in-reminder";
    static final String TITLE = "Time for your daily check-in";
    static final String MESSAGE = "How is your back today? Your daily check-in takes about a minute and helps your "
            + "care team see how you are doing and adjust your plan when needed. You can choose when this reminder "
            + "comes in your preferences.";

    /** What the due check needs of a patient, read without locking. */
    public record Candidate(UUID id, String subject, LocalDate lastCheckInDay, LocalDate lastRemindedOn) {
    }

    /** One page of candidates: those due now, and where the next page starts (null: this was the last). */
    public record Page(List<UUID> due, UUID next) {
    }

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
     * Active patients with a login who are due now, one page ordered by id after {@code after}. A coarse filter in
     * SQL (nobody's "today" is later than the date at UTC+18), the exact rule in Java with each one's preferences.
     * Nothing is locked here; {@link #remindIfDue} checks again under a lock.
     */
    @Transactional
    public Page due(UUID after, int limit) {
        LocalDate latestToday = LocalDate.now(clock.withZone(ZoneOffset.MAX));
        var query = PatientProjection.getEntityManager()
                .createQuery("select p.id, p.oidcSubject, p.lastCheckInDay, p.lastRemindedOn from PatientProjection p "
                        + "where p.status = 'active' and p.oidcSubject is not null "
                        + "and (p.lastRemindedOn is null or p.lastRemindedOn < :latest) "
                        + "and (p.lastCheckInDay is null or p.lastCheckInDay < :latest) "
                        + (after == null ? "" : "and p.id > :after ") + "order by p.id", Object[].class)
                .setParameter("latest", latestToday)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Candidate> page = query.getResultList().stream()
                .map(r -> new Candidate((UUID) r[0], (String) r[1], (LocalDate) r[2], (LocalDate) r[3])).toList();
        Map<String, Settings> settings = preferences.of(page.stream().map(Candidate::subject).toList());
        List<UUID> due = page.stream()
                .filter(c -> isDue(c, settings.getOrDefault(c.subject(), Settings.DEFAULTS)))
                .map(Candidate::id).toList();
        return new Page(due, page.size() < limit ? null : page.get(page.size() - 1).id());
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
        if (!isDue(new Candidate(p.id, p.oidcSubject, p.lastCheckInDay, p.lastRemindedOn), settings)) {
            return false;
        }
        inbox.store(Recipient.person(p.oidcSubject), p.id, null, null, KIND, Priority.NORMAL, TITLE, MESSAGE, 0);
        // The patient's local date: the calendar isDue compares lastRemindedOn with.
        p.lastRemindedOn = now(settings).toLocalDate();
        return true;
    }

    private boolean isDue(Candidate c, Settings settings) {
        LocalTime time = settings.checkInReminderTime() != null ? settings.checkInReminderTime()
                : config.defaultTime().orElse(null);
        return time != null && ReminderRules.isDue(now(settings), time, c.lastCheckInDay(), c.lastRemindedOn());
    }

    private ZonedDateTime now(Settings settings) {
        return ZonedDateTime.now(clock.withZone(settings.zoneOr(clock.getZone())));
    }
}
