package org.backcare.plan.medication;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/**
 * The pharmacological class of a formulary drug. Safety rules work on classes: every systemic NSAID strains the
 * stomach and kidneys, every opioid carries a dependence risk, two drugs of one class add side effects, not relief.
 */
public enum DrugClass implements Coded {
    /** Systemic (oral) non-steroidal anti-inflammatory drugs: ibuprofen, naproxen, celecoxib. */
    NSAID("nsaid", "NSAID"),
    ACETAMINOPHEN("acetaminophen", "acetaminophen"),
    /** Serotonin-norepinephrine reuptake inhibitors used for pain, such as duloxetine. */
    SNRI("snri", "SNRI"),
    /** Nerve-targeted anticonvulsants: gabapentin, pregabalin. */
    GABAPENTINOID("gabapentinoid", "gabapentinoid"),
    /** Tricyclic antidepressants in low doses for pain and sleep: amitriptyline, doxepin. */
    TRICYCLIC("tricyclic", "tricyclic antidepressant"),
    MUSCLE_RELAXANT("muscle-relaxant", "muscle relaxant"),
    /** Applied to the skin (a topical NSAID gel): few systemic effects, so no systemic NSAID warnings. */
    TOPICAL("topical", "topical"),
    OPIOID("opioid", "opioid");

    private final String code;
    private final String label;

    DrugClass(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** How a physician names the class in a sentence ("NSAID", "muscle relaxant"). */
    public String label() {
        return label;
    }

    @JsonCreator
    public static DrugClass fromCode(String code) {
        return Coded.fromCode(DrugClass.class, code);
    }
}
