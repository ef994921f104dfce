package org.backcare.patient.stratification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The patient's latest STarT Back stratum as tracking-service scored it: the columns of the patient row, null
 * together until a first result.
 */
@Embeddable
public class RiskStratum {

    public static final String START_BACK = "start-back";
    public static final String HIGH = "high";

    /** {@code low}, {@code medium} or {@code high}. */
    @Column(name = "risk_stratum")
    public String stratum;
    @Column(name = "risk_stratum_day")
    public LocalDate day;
    @Column(name = "risk_stratum_questionnaire_id")
    public UUID questionnaireId;

    public RiskStratum() {
    }

    public RiskStratum(String stratum, LocalDate day, UUID questionnaireId) {
        this.stratum = stratum;
        this.day = day;
        this.questionnaireId = questionnaireId;
    }

    public boolean isHigh() {
        return HIGH.equals(stratum);
    }
}
