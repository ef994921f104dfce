package org.backcare.plan.medication;

/**
 * One finding of the medication safety check.
 *
 * @param drug    the formulary code of the prescription it concerns (as written, for an unknown drug)
 * @param code    stable rule code clients branch on, e.g. {@code above-max-daily-dose}, {@code nsaid-kidney-disease};
 *                a warning is acknowledged by putting this code in the prescription's acknowledgedWarnings
 * @param message a plain sentence for the physician
 */
public record SafetyIssue(String drug, String code, String message) {
}
