package org.backcare.plan.exercise;

import java.util.List;
import java.util.Optional;

/**
 * The exercises a programme is built from (seeds: posture, core strengthening, flexibility, aerobic conditioning,
 * task-specific training, mindful movement). Plain data, kept in code so it is versioned with the rules using it.
 */
public final class ExerciseCatalogue {

    private static final List<Exercise> ALL = List.of(
            new Exercise("pelvic-tilt", "Pelvic tilt", ExerciseCategory.MOBILITY,
                    "Lie on your back, knees bent. Flatten your lower back into the floor by tightening your stomach, hold, release."),
            new Exercise("cat-camel", "Cat-camel", ExerciseCategory.MOBILITY,
                    "On hands and knees, slowly round your back up, then let it sag gently. Move within a comfortable range."),
            new Exercise("knee-to-chest", "Knee-to-chest stretch", ExerciseCategory.MOBILITY,
                    "Lie on your back, bring one knee towards your chest with both hands, hold, then switch sides."),
            new Exercise("hamstring-stretch", "Hamstring stretch", ExerciseCategory.MOBILITY,
                    "Lie on your back, loop a towel around one foot and raise the straight leg until you feel a gentle stretch."),
            new Exercise("hip-flexor-stretch", "Hip flexor stretch", ExerciseCategory.MOBILITY,
                    "Half-kneel, tuck your pelvis under and shift forward until the front of the back hip stretches."),
            new Exercise("transverse-abdominis-activation", "Deep core activation", ExerciseCategory.CORE_STABILISATION,
                    "Lie on your back, draw your lower belly in gently without holding your breath, hold, release."),
            new Exercise("bird-dog", "Bird-dog", ExerciseCategory.CORE_STABILISATION,
                    "On hands and knees, reach one arm forward and the opposite leg back keeping your back level, hold, switch."),
            new Exercise("dead-bug", "Dead bug", ExerciseCategory.CORE_STABILISATION,
                    "On your back with arms up and knees at 90 degrees, lower the opposite arm and leg slowly, keep your back flat."),
            new Exercise("side-plank-knees", "Side plank on knees", ExerciseCategory.CORE_STABILISATION,
                    "Lie on your side propped on an elbow, knees bent, lift your hips into a straight line and hold."),
            new Exercise("glute-bridge", "Glute bridge", ExerciseCategory.STRENGTH,
                    "On your back, knees bent, squeeze your buttocks and lift your hips until shoulders, hips and knees line up."),
            new Exercise("wall-squat", "Wall squat", ExerciseCategory.STRENGTH,
                    "Back against a wall, slide down to a comfortable knee bend, hold, slide back up."),
            new Exercise("walking", "Walking", ExerciseCategory.AEROBIC,
                    "Walk at a pace where you can still talk. Build up the time in small steps each week."),
            new Exercise("stationary-cycling", "Stationary cycling", ExerciseCategory.AEROBIC,
                    "Cycle at an easy to moderate effort with the seat high enough that your knee is almost straight."),
            new Exercise("swimming", "Swimming or water walking", ExerciseCategory.AEROBIC,
                    "Swim or walk in water at an easy pace; water supports the spine while you build endurance."),
            new Exercise("sit-to-stand", "Sit-to-stand practice", ExerciseCategory.TASK_SPECIFIC,
                    "From a chair, lean forward from the hips and stand up using your legs, then sit down slowly."),
            new Exercise("hip-hinge-lift", "Hip-hinge lifting", ExerciseCategory.TASK_SPECIFIC,
                    "Keep a light load close, hinge at the hips with a neutral back and drive up with your legs."),
            new Exercise("gentle-yoga", "Gentle yoga sequence", ExerciseCategory.MIND_BODY,
                    "A slow sequence of poses with calm breathing; stay below your flare threshold."),
            new Exercise("tai-chi", "Tai chi", ExerciseCategory.MIND_BODY,
                    "Slow, flowing movements with relaxed breathing and attention to balance."));

    private ExerciseCatalogue() {
    }

    public static List<Exercise> all() {
        return ALL;
    }

    public static Optional<Exercise> find(String code) {
        return ALL.stream().filter(e -> e.code().equals(code)).findFirst();
    }
}
