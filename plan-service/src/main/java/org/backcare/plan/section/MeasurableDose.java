package org.backcare.plan.section;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An exercise dose must say how much: sets and reps, a hold time, or minutes. Reported on the dose itself. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MeasurableDose.Validator.class)
public @interface MeasurableDose {

    String message() default "give sets and reps, a hold time, or minutes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link ExerciseProgram.Dose#measurable()}. */
    class Validator implements ConstraintValidator<MeasurableDose, ExerciseProgram.Dose> {
        @Override
        public boolean isValid(ExerciseProgram.Dose dose, ConstraintValidatorContext context) {
            return dose == null || dose.measurable();
        }
    }
}
