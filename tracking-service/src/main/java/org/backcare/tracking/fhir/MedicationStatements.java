package org.backcare.tracking.fhir;

import org.backcare.tracking.medication.MedicationIntake;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;

import java.util.Date;
import java.util.Map;

/**
 * A logged medication intake as a MedicationStatement (status completed, the drug as text, the dose taken, when).
 * An intake is never changed once recorded: version 1, last updated when it was recorded.
 */
public final class MedicationStatements {

    /** Units of the intake log that have a UCUM code; others stay as text only. */
    private static final Map<String, String> UCUM = Map.of("mg", "mg", "g", "g", "mcg", "ug", "ug", "ug",
            "ml", "mL", "mL", "mL", "l", "L");

    private MedicationStatements() {
    }

    public static MedicationStatement of(MedicationIntake m) {
        MedicationStatement s = Resources.identify(new MedicationStatement(), m.id.toString(), 1, m.recordedAt);
        s.setStatus(MedicationStatement.MedicationStatementStatus.COMPLETED);
        s.setMedication(new CodeableConcept().setText(m.drug));
        s.setSubject(Resources.patient(m.patientId));
        s.setEffective(Resources.instant(m.takenAt));
        s.setDateAsserted(Date.from(m.recordedAt));
        Quantity dose = new Quantity().setValue(m.dose).setUnit(m.unit);
        String ucum = m.unit == null ? null : UCUM.get(m.unit);
        if (ucum != null) {
            dose.setSystem(FhirCodes.UCUM).setCode(ucum);
        }
        Dosage dosage = s.addDosage().setText(m.dose.stripTrailingZeros().toPlainString() + " " + m.unit);
        dosage.addDoseAndRate().setDose(dose);
        if (m.sideEffects != null && !m.sideEffects.isEmpty()) {
            s.addNote().setText("Side effects: " + String.join(", ", m.sideEffects));
        }
        return s;
    }
}
