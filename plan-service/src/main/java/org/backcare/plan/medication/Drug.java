package org.backcare.plan.medication;

import java.math.BigDecimal;

/**
 * A drug of the clinic's formulary.
 *
 * @param code         stable lowercase kebab-case code prescriptions refer to ("ibuprofen", "diclofenac-gel")
 * @param name         display name
 * @param drugClass    pharmacological class the safety rules work on
 * @param maxDailyDose the most a patient may take in one day, in {@code unit}
 * @param unit         the unit every dose of this drug is written in ("mg", "g")
 * @param note         one plain sentence for the prescriber: usual dose and main trade-off
 */
public record Drug(String code, String name, DrugClass drugClass, BigDecimal maxDailyDose, String unit, String note) {
}
