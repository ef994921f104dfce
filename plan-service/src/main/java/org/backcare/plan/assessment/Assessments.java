package org.backcare.plan.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.section.AssessmentSchedule;
import org.backcare.plan.section.PlanSection;
import org.backcare.plan.section.SectionKind;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads a plan's assessments schedule and the patient's completed assessments, and asks AssessmentsDue what is open. */
@ApplicationScoped
public class Assessments {

    private final ObjectMapper json;

    public Assessments(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<AssessmentsDue.Occurrence> open(Plan plan, LocalDate day) {
        PlanSection section = PlanSection.findById(new PlanSection.Key(plan.id, SectionKind.ASSESSMENTS));
        if (section == null || plan.startDate == null) {
            return List.of();
        }
        AssessmentSchedule schedule;
        try {
            // Stored content is read leniently: a field written by an older version must not make it unreadable.
            schedule = json.readerFor(AssessmentSchedule.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(section.content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessments of plan " + plan.id + " are not readable", e);
        }
        if (schedule.assessments().isEmpty()) {
            return List.of();
        }
        Map<Instrument, List<LocalDate>> completed = new EnumMap<>(Instrument.class);
        LocalDate from = plan.startDate.minusDays(AssessmentsDue.INTAKE_LOOKBACK_DAYS);
        for (Instrument instrument : Instrument.values()) {
            completed.put(instrument, CompletedAssessment.daysSince(plan.patientId, instrument.code(), from));
        }
        return AssessmentsDue.open(plan.startDate, schedule.assessments(), completed, day);
    }
}
