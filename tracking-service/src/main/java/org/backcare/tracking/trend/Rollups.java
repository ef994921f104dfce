package org.backcare.tracking.trend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Keeps daily_rollup current in the same transaction as each report. Each update is one atomic
 * INSERT ... ON CONFLICT, so a check-in and an exercise log of the same day never race each other.
 */
@ApplicationScoped
public class Rollups {

    private static final String CHECK_IN = """
            insert into daily_rollup (patient_id, day, pain, sleep_hours, sleep_quality)
            values (:patient, :day, :pain, cast(:sleepHours as numeric), cast(:sleepQuality as int))
            on conflict (patient_id, day) do update
            set pain = excluded.pain, sleep_hours = excluded.sleep_hours, sleep_quality = excluded.sleep_quality""";
    private static final String EXERCISE = """
            insert into daily_rollup (patient_id, day, exercise_sessions) values (:patient, :day, 1)
            on conflict (patient_id, day) do update set exercise_sessions = daily_rollup.exercise_sessions + 1""";
    private static final String MEDICATION = """
            insert into daily_rollup (patient_id, day, medication_doses, nsaid_total) values (:patient, :day, 1, cast(:nsaid as numeric))
            on conflict (patient_id, day) do update
            set medication_doses = daily_rollup.medication_doses + 1,
                nsaid_total = case when excluded.nsaid_total is null then daily_rollup.nsaid_total
                                   else coalesce(daily_rollup.nsaid_total, 0) + excluded.nsaid_total end""";

    private final EntityManager em;

    public Rollups(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void checkIn(UUID patient, LocalDate day, int pain, BigDecimal sleepHours, Integer sleepQuality) {
        em.createNativeQuery(CHECK_IN).setParameter("patient", patient).setParameter("day", day)
                .setParameter("pain", pain).setParameter("sleepHours", sleepHours)
                .setParameter("sleepQuality", sleepQuality).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void exerciseSession(UUID patient, LocalDate day) {
        em.createNativeQuery(EXERCISE).setParameter("patient", patient).setParameter("day", day).executeUpdate();
    }

    /** One dose taken; {@code nsaidDose} is the dose when the drug is an NSAID, else null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void medicationIntake(UUID patient, LocalDate day, BigDecimal nsaidDose) {
        em.createNativeQuery(MEDICATION).setParameter("patient", patient).setParameter("day", day)
                .setParameter("nsaid", nsaidDose).executeUpdate();
    }

    /** The rollups of [from, to], oldest first: one index range scan on the primary key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DailyRollup> range(UUID patient, LocalDate from, LocalDate to) {
        em.flush();
        return DailyRollup.list("patientId = ?1 and day between ?2 and ?3 order by day", patient, from, to);
    }
}
