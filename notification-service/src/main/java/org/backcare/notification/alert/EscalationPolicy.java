package org.backcare.notification.alert;

import org.backcare.platform.access.Role;
import org.backcare.notification.routing.PatientContext;
import org.backcare.notification.routing.Recipient;

import java.util.List;
import java.util.Set;

/**
 * Who an unacknowledged urgent alert goes to next. Level 1: the rest of the care team (physicians who joined since,
 * and the other disciplines), so someone who knows the patient chases it; level 2: the admins; from then on the
 * admins are reminded at every timeout until someone acknowledges. An empty level is skipped.
 */
public final class EscalationPolicy {

    /** The next level and its recipients. */
    public record Step(int level, List<Recipient> recipients) {
    }

    private EscalationPolicy() {
    }

    public static Step next(int currentLevel, PatientContext patient, Set<String> alreadyNotified) {
        if (currentLevel == 0) {
            List<Recipient> rest = patient.everyone().stream().filter(s -> !alreadyNotified.contains(s))
                    .map(Recipient::person).toList();
            if (!rest.isEmpty()) {
                return new Step(1, rest);
            }
        }
        return new Step(Math.max(2, currentLevel + 1), List.of(Recipient.everyone(Role.ADMIN)));
    }
}
