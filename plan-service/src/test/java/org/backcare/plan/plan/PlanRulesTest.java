package org.backcare.plan.plan;

import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.SectionKind;
import org.backcare.plan.section.SectionOwnership;
import org.backcare.plan.template.PlanTemplates;
import org.backcare.plan.template.Template;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's rules without the framework: lifecycle, section ownership, templates. */
class PlanRulesTest {

    private static Caller as(String role) {
        return new Caller("someone", Set.of(role), "someone");
    }

    @Test
    void lifecycleFollowsDraftActiveOnHoldAndEnds() {
        assertThat(PlanLifecycle.canMove(PlanStatus.DRAFT, PlanStatus.ACTIVE)).isTrue();
        assertThat(PlanLifecycle.canMove(PlanStatus.DRAFT, PlanStatus.ON_HOLD)).isFalse();
        assertThat(PlanLifecycle.canMove(PlanStatus.ACTIVE, PlanStatus.ON_HOLD)).isTrue();
        assertThat(PlanLifecycle.canMove(PlanStatus.ON_HOLD, PlanStatus.ACTIVE)).isTrue();
        assertThat(PlanLifecycle.canMove(PlanStatus.ACTIVE, PlanStatus.COMPLETED)).isTrue();
        assertThat(PlanLifecycle.canMove(PlanStatus.ON_HOLD, PlanStatus.COMPLETED)).isFalse();
        assertThat(PlanLifecycle.canMove(PlanStatus.ACTIVE, PlanStatus.DISCONTINUED)).isTrue();
        for (PlanStatus any : PlanStatus.values()) {
            assertThat(PlanLifecycle.canMove(PlanStatus.COMPLETED, any)).isFalse();
            assertThat(PlanLifecycle.canMove(PlanStatus.DISCONTINUED, any)).isFalse();
        }
    }

    @Test
    void eachDisciplineOwnsItsSections() {
        for (SectionKind kind : SectionKind.values()) {
            assertThat(SectionOwnership.mayEdit(as(Role.PHYSICIAN), kind)).as(kind.code()).isTrue();
            assertThat(SectionOwnership.mayEdit(as(Role.ADMIN), kind)).as(kind.code()).isFalse();
            assertThat(SectionOwnership.mayEdit(as(Role.PATIENT), kind)).as(kind.code()).isFalse();
        }
        assertThat(SectionOwnership.mayEdit(as(Role.PHYSICAL_THERAPIST), SectionKind.EXERCISES)).isTrue();
        assertThat(SectionOwnership.mayEdit(as(Role.PSYCHOLOGIST), SectionKind.EXERCISES)).isFalse();
        assertThat(SectionOwnership.mayEdit(as(Role.PHYSICAL_THERAPIST), SectionKind.MEDICATIONS)).isFalse();
        assertThat(SectionOwnership.mayEdit(as(Role.PSYCHOLOGIST), SectionKind.SELF_MANAGEMENT)).isTrue();
        assertThat(SectionOwnership.mayEdit(as(Role.PHYSICAL_THERAPIST), SectionKind.FLARE_UP)).isTrue();
    }

    @Test
    void everyTemplateStartsWithTheFifteenMinuteDailyHomeRoutine() {
        for (Template template : Template.values()) {
            ExerciseProgram program = (ExerciseProgram) PlanTemplates.sections(template).get(SectionKind.EXERCISES);
            int routineMinutes = program.exercises().stream()
                    .filter(e -> e.notes() != null && e.notes().contains("15-minute daily home routine"))
                    .filter(e -> e.dose().sessionsPerWeek() == 7)
                    .mapToInt(e -> e.dose().minutes()).sum();
            assertThat(routineMinutes).as(template.code()).isEqualTo(template == Template.NONE ? 0 : 15);
        }
    }
}
