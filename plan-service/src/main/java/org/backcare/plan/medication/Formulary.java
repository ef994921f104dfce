package org.backcare.plan.medication;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The drugs a BackCare plan may prescribe for chronic back pain, with their maximum daily dose. Anything else is
 * rejected by {@link MedicationSafety}: an unknown name cannot be checked for safety.
 */
public final class Formulary {

    private static final List<Drug> DRUGS = List.of(
            drug("ibuprofen", "Ibuprofen", DrugClass.NSAID, 3200, "mg",
                    "400 mg three times a day is a usual first-line dose; stomach and kidney strain with prolonged daily use"),
            drug("naproxen", "Naproxen", DrugClass.NSAID, 1500, "mg",
                    "500 mg twice a day is a usual first-line dose; 15-20% of users get stomach trouble, ulcers or kidney strain after a few months of daily use"),
            drug("diclofenac-gel", "Diclofenac 1% gel", DrugClass.TOPICAL, 32, "g",
                    "A topical NSAID rubbed on the painful area, with fewer systemic side effects than NSAID tablets"),
            drug("celecoxib", "Celecoxib", DrugClass.NSAID, 400, "mg",
                    "A newer anti-inflammatory less likely to upset the stomach, but still an NSAID for the kidneys and heart"),
            drug("acetaminophen", "Acetaminophen", DrugClass.ACETAMINOPHEN, 4000, "mg",
                    "Gentler on the stomach than ibuprofen; the liver sets the limit on the total daily dose"),
            drug("gabapentin", "Gabapentin", DrugClass.GABAPENTINOID, 3600, "mg",
                    "Start at 100 mg at night and increase slowly; helps burning or shooting nerve pain, but dizziness and brain fog are common"),
            drug("pregabalin", "Pregabalin", DrugClass.GABAPENTINOID, 600, "mg",
                    "A nerve-targeted alternative to gabapentin for burning or shooting pain, with the same drowsiness and dizziness"),
            drug("duloxetine", "Duloxetine", DrugClass.SNRI, 120, "mg",
                    "An SNRI antidepressant given for pain, not depression; halves pain in 45% of users, 25% get nausea and 15% dizziness"),
            drug("amitriptyline", "Amitriptyline", DrugClass.TRICYCLIC, 150, "mg",
                    "A low-dose tricyclic antidepressant that can ease pain and improve sleep disrupted by back pain"),
            drug("doxepin", "Doxepin", DrugClass.TRICYCLIC, 300, "mg",
                    "Low doses of this traditional antidepressant may reduce pain and improve the quality of sleep"),
            drug("cyclobenzaprine", "Cyclobenzaprine", DrugClass.MUSCLE_RELAXANT, 30, "mg",
                    "A muscle relaxant for short courses when spasm is present; drowsiness is common"),
            drug("tramadol", "Tramadol", DrugClass.OPIOID, 400, "mg",
                    "An opioid, rarely indicated for chronic back pain: dependence risk and opioid-induced hyperalgesia"));

    private Formulary() {
    }

    /** Every drug, in a stable order (NSAIDs and simple analgesics first, the opioid last). */
    public static List<Drug> all() {
        return DRUGS;
    }

    /** The drug with this exact code; empty for an unknown or missing code. */
    public static Optional<Drug> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return DRUGS.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The codes of all drugs, in formulary order. */
    public static List<String> codes() {
        return DRUGS.stream().map(Drug::code).toList();
    }

    private static Drug drug(String code, String name, DrugClass drugClass, int maxDailyDose, String unit, String note) {
        return new Drug(code, name, drugClass, BigDecimal.valueOf(maxDailyDose), unit, note);
    }
}
