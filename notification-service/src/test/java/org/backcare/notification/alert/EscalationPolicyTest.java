package org.backcare.notification.alert;

import org.backcare.notification.routing.PatientContext;
import org.backcare.notification.routing.Recipient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

    private static final PatientContext TEAM = new PatientContext(UUID.randomUUID(), "p", "Anna", List.of(
            new PatientContext.Member("doc", "physician", "Doc"),
            new PatientContext.Member("pt", "physical-therapist", "PT"),
            new PatientContext.Member("psy", "psychologist", "Psy")), null, null);

    @Test
    void firstTheRestOfTheTeam() {
        EscalationPolicy.Step step = EscalationPolicy.next(0, TEAM, Set.of("doc"));
        assertThat(step.level()).isEqualTo(1);
        assertThat(step.recipients()).extracting(Recipient::key).containsExactlyInAnyOrder("pt", "psy");
    }

    @Test
    void thenTheAdminsAndTheAdminsAgain() {
        assertThat(EscalationPolicy.next(1, TEAM, Set.of("doc", "pt", "psy")))
                .isEqualTo(new EscalationPolicy.Step(2, List.of(Recipient.everyone("admin"))));
        assertThat(EscalationPolicy.next(2, TEAM, Set.of()).level()).isEqualTo(3);
        assertThat(EscalationPolicy.next(2, TEAM, Set.of()).recipients()).extracting(Recipient::key)
                .containsExactly("role:admin");
    }

    @Test
    void aTeamEveryoneOfWhichWasToldGoesStraightToTheAdmins() {
        EscalationPolicy.Step step = EscalationPolicy.next(0, TEAM, Set.of("doc", "pt", "psy"));
        assertThat(step.level()).isEqualTo(2);
        assertThat(step.recipients()).extracting(Recipient::key).containsExactly("role:admin");
    }
}
