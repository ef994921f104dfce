package org.backcare.plan.note;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;
import org.backcare.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who writes and reads which note, and how mentions are found and checked: plain rules, no Quarkus. */
class NoteRulesTest {

    static final Map<String, String> TEAM = Map.of(
            "doc", Role.PHYSICIAN, "pt", Role.PHYSICAL_THERAPIST, "psy1", Role.PSYCHOLOGIST, "psy2", Role.PSYCHOLOGIST);

    static Caller caller(String subject, String role) {
        return new Caller(subject, Set.of(role), subject);
    }

    @Test
    void progressNotesAndHandoversAreReadByTheWholeTeamAndAdminsButNeverThePatientOrIntegrators() {
        for (NoteKind kind : new NoteKind[]{NoteKind.PROGRESS_NOTE, NoteKind.HANDOVER}) {
            assertThat(NoteRules.mayRead(caller("pt", Role.PHYSICAL_THERAPIST), TEAM, kind, "doc")).isTrue();
            assertThat(NoteRules.mayRead(caller("psy1", Role.PSYCHOLOGIST), TEAM, kind, "doc")).isTrue();
            assertThat(NoteRules.mayRead(caller("admin", Role.ADMIN), TEAM, kind, "doc")).isTrue();
            assertThat(NoteRules.mayRead(caller("patient", Role.PATIENT), TEAM, kind, "doc")).isFalse();
            assertThat(NoteRules.mayRead(caller("int", Role.INTEGRATOR), TEAM, kind, "doc")).isFalse();
            assertThat(NoteRules.mayRead(caller("other-doc", Role.PHYSICIAN), TEAM, kind, "doc")).isFalse();
        }
    }

    @Test
    void aPsychotherapyNoteIsReadByItsAuthorAndTheOtherPsychologistsOnly() {
        NoteKind kind = NoteKind.PSYCHOTHERAPY_NOTE;
        assertThat(NoteRules.mayRead(caller("psy1", Role.PSYCHOLOGIST), TEAM, kind, "psy1")).isTrue();
        assertThat(NoteRules.mayRead(caller("psy2", Role.PSYCHOLOGIST), TEAM, kind, "psy1")).isTrue();
        assertThat(NoteRules.mayRead(caller("pt", Role.PHYSICAL_THERAPIST), TEAM, kind, "psy1")).isFalse();
        assertThat(NoteRules.mayRead(caller("doc", Role.PHYSICIAN), TEAM, kind, "psy1")).isFalse();
        assertThat(NoteRules.mayRead(caller("admin", Role.ADMIN), TEAM, kind, "psy1")).isFalse();
        assertThat(NoteRules.mayRead(caller("patient", Role.PATIENT), TEAM, kind, "psy1")).isFalse();
        assertThat(NoteRules.mayRead(caller("int", Role.INTEGRATOR), TEAM, kind, "psy1")).isFalse();
        assertThat(NoteRules.mayRead(caller("psy3", Role.PSYCHOLOGIST), TEAM, kind, "psy1"))
                .as("a psychologist not on this patient's team").isFalse();
    }

    @Test
    void onlyThePsychologistOnTheTeamWritesPsychotherapyNotes() {
        assertThat(NoteRules.whyNotWrite(caller("psy1", Role.PSYCHOLOGIST), TEAM, NoteKind.PSYCHOTHERAPY_NOTE)).isNull();
        assertThat(NoteRules.whyNotWrite(caller("pt", Role.PHYSICAL_THERAPIST), TEAM, NoteKind.PSYCHOTHERAPY_NOTE))
                .contains("only a psychologist").contains("physical-therapist");
        assertThat(NoteRules.whyNotWrite(caller("pt", Role.PHYSICAL_THERAPIST), TEAM, NoteKind.HANDOVER)).isNull();
        assertThat(NoteRules.whyNotWrite(caller("admin", Role.ADMIN), TEAM, NoteKind.PROGRESS_NOTE)).isNotNull();
    }

    @Test
    void mentionsAreFoundInTheirDocumentedFormOnlyEachOnce() {
        String text = "Seen today. @[Dr Berg](doc) please review; @[Dr Berg](doc) again; write to anna@example.org; "
                + "@pt is not a mention, nor is @[no subject]; @[Sam PT](pt)";
        assertThat(Mentions.in(text)).containsExactly("doc", "pt");
        assertThat(Mentions.in("no mentions here")).isEmpty();
    }

    @Test
    void aMentionOfSomeoneOffTheTeamIsRefusedNamingThem() {
        assertThatThrownBy(() -> Mentions.resolve("@[Dr Berg](doc) and @[Stranger](nobody)", NoteKind.HANDOVER, TEAM))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400))
                .hasMessageContaining("nobody").hasMessageNotContaining("doc,");
    }

    @Test
    void aPsychotherapyNoteMentionsOnlyPsychologists() {
        assertThat(Mentions.resolve("@[Psy Two](psy2)", NoteKind.PSYCHOTHERAPY_NOTE, TEAM)).containsExactly("psy2");
        assertThatThrownBy(() -> Mentions.resolve("@[Sam](pt)", NoteKind.PSYCHOTHERAPY_NOTE, TEAM))
                .isInstanceOf(ProblemException.class).hasMessageContaining("pt (physical-therapist)");
    }
}
