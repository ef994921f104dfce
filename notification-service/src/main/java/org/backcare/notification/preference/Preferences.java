package org.backcare.notification.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.web.ETags;
import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and saves users' preferences; the e-mail channel and the reminders ask it for a user's settings. */
@ApplicationScoped
public class Preferences {

    /** A user's preferences and the version to use as ETag; {@code version} is null while nothing is stored. */
    public record Versioned(PreferencesDocument document, Long version, boolean created) {
    }

    private final Clock clock;

    public Preferences(Clock clock) {
        this.clock = clock;
    }

    /** The settings of one user: what they saved, or the defaults. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Settings of(String subject) {
        UserPreference p = subject == null ? null : UserPreference.findById(subject);
        return p == null ? Settings.DEFAULTS : Settings.of(p);
    }

    /** The settings of many users at once (a reminder pass); users without stored preferences are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Settings> of(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        return UserPreference.<UserPreference>list("subject in ?1", subjects).stream()
                .collect(Collectors.toMap(p -> p.subject, Settings::of));
    }

    @Transactional
    public Versioned read(String subject) {
        UserPreference p = UserPreference.findById(subject);
        return p == null ? new Versioned(PreferencesDocument.of(Settings.DEFAULTS), null, false)
                : new Versioned(PreferencesDocument.of(Settings.of(p)), p.version, false);
    }

    /**
     * Replaces the caller's preferences. The first save needs no If-Match (there is nothing to overwrite yet);
     * every later one does, so two devices of the same user cannot silently undo each other's change.
     */
    @Transactional
    public Versioned replace(String subject, String ifMatch, PreferencesDocument document) {
        Settings settings = PreferenceRules.validate(document);
        UserPreference p = UserPreference.findById(subject);
        boolean created = p == null;
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                // RFC 9110: If-Match is false when there is no current representation to match.
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "no preferences are stored yet, so "
                        + "If-Match cannot match; send the first save without If-Match");
            }
            p = new UserPreference();
            p.subject = subject;
        } else {
            ETags.requireMatch(ifMatch, p.version);
        }
        if (!created && Settings.of(p).equals(settings)) {
            // Nothing changed: same version, same ETag, no write.
            return new Versioned(PreferencesDocument.of(settings), p.version, false);
        }
        p.emailEnabled = settings.emailEnabled();
        p.email = settings.email();
        p.quietHoursStart = settings.quietHours() == null ? null : settings.quietHours().start();
        p.quietHoursEnd = settings.quietHours() == null ? null : settings.quietHours().end();
        p.timeZone = settings.timeZone() == null ? null : settings.timeZone().getId();
        p.checkInReminderTime = settings.checkInReminderTime();
        p.updatedAt = Instant.now(clock);
        if (created) {
            p.persist();
        }
        // Flushed now so the response carries the version the next If-Match must name.
        UserPreference.getEntityManager().flush();
        return new Versioned(PreferencesDocument.of(Settings.of(p)), p.version, created);
    }
}
