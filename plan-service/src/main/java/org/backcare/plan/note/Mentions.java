package org.backcare.plan.note;

import org.backcare.platform.access.Role;
import org.backcare.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @mentions} in a note's text. A mention is written {@code @[display name](subject)}: the display name is
 * for people reading the text, the subject (the member's login id, as in the care team) is what is resolved, so a
 * renamed member or two members with the same name never notify the wrong person. A bare {@code @word} (an e-mail
 * address, "@home") is not a mention.
 */
public final class Mentions {

    /** {@code @[Dr Anna Berg](3f2a...)}: the name has no brackets, the subject no parentheses or whitespace. */
    static final Pattern MENTION = Pattern.compile("@\\[([^\\[\\]\\n]{1,200})]\\(([^()\\s]{1,255})\\)");

    private Mentions() {
    }

    /** The subjects mentioned, in order of first appearance, each once. */
    public static List<String> in(String text) {
        Set<String> subjects = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text == null ? "" : text);
        while (m.find()) {
            subjects.add(m.group(2));
        }
        return List.copyOf(subjects);
    }

    /**
     * The mentioned subjects, each checked against the care team ({@code team}: subject to role): someone not on the
     * team is a 400 naming them; a psychotherapy note may only mention psychologists, so its existence reaches nobody
     * who may not read it.
     */
    public static List<String> resolve(String text, NoteKind kind, Map<String, String> team) {
        List<String> subjects = in(text);
        List<String> offTeam = new ArrayList<>();
        List<String> notPsychologists = new ArrayList<>();
        for (String subject : subjects) {
            String role = team.get(subject);
            if (role == null) {
                offTeam.add(subject);
            } else if (kind == NoteKind.PSYCHOTHERAPY_NOTE && !Role.PSYCHOLOGIST.equals(role)) {
                notPsychologists.add(subject + " (" + role + ")");
            }
        }
        if (!offTeam.isEmpty()) {
            throw ProblemException.badRequest("text", "mentioned but not on the patient's care team: "
                    + String.join(", ", offTeam) + "; mention team members as @[name](subject)");
        }
        if (!notPsychologists.isEmpty()) {
            throw ProblemException.badRequest("text", "a psychotherapy note may only mention psychologists on the "
                    + "team, not " + String.join(", ", notPsychologists));
        }
        return subjects;
    }
}
