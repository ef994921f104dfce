package org.backcare.plan.note;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;

import java.util.Map;

/**
 * Who may write and read clinical notes. Clinical notes are clinician-facing: never the patient, never integrators.
 * Progress notes and handovers: every clinician on the care team, and admins. Psychotherapy notes: their author and
 * the other psychologists on the team only, not other disciplines and not admins. Plain rules; the service answers
 * 404 for a note the caller may not read, so its existence is not revealed.
 *
 * <p>{@code team} maps each care-team member's subject to their role on this patient's team.
 */
public final class NoteRules {

    private NoteRules() {
    }

    /** The caller's discipline on this patient's team, or {@code null} when they are not a clinician on it. */
    public static String discipline(Caller caller, Map<String, String> team) {
        return caller.isClinician() ? team.get(caller.subject()) : null;
    }

    /** May the caller see the patient's notes at all (the list, the notes of their kinds)? */
    public static boolean mayReadNotesOf(Caller caller, Map<String, String> team) {
        return discipline(caller, team) != null || caller.isAdmin();
    }

    public static boolean mayRead(Caller caller, Map<String, String> team, NoteKind kind, String authorSubject) {
        if (kind == NoteKind.PSYCHOTHERAPY_NOTE) {
            // The author keeps access even if their role on the team changed; admins never read these.
            return discipline(caller, team) != null
                    && (caller.subject().equals(authorSubject) || Role.PSYCHOLOGIST.equals(discipline(caller, team)));
        }
        return mayReadNotesOf(caller, team);
    }

    /** Whether the caller sees psychotherapy notes other than their own in this patient's lists. */
    public static boolean readsOthersPsychotherapyNotes(Caller caller, Map<String, String> team) {
        return Role.PSYCHOLOGIST.equals(discipline(caller, team));
    }

    /** Why the caller may not write a note of this kind, or {@code null} when they may. */
    public static String whyNotWrite(Caller caller, Map<String, String> team, NoteKind kind) {
        String discipline = discipline(caller, team);
        if (discipline == null) {
            return "only clinicians on the patient's care team write clinical notes";
        }
        if (kind == NoteKind.PSYCHOTHERAPY_NOTE && !Role.PSYCHOLOGIST.equals(discipline)) {
            return "only a psychologist on the care team writes psychotherapy notes; you are on the team as "
                    + discipline + " (use a progress note or a handover)";
        }
        return null;
    }
}
