package org.backcare.tracking.timeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot read paths are served by their indexes, in order, whatever the history length: the newest-first timeline
 * page is a range scan of (patient_id, at) with no sort step, and a trend window is a range scan of the rollup key.
 * Sequential and bitmap scans and explicit sorts are penalised for the EXPLAIN, so the planner's choice on a small
 * test table does not decide the outcome: the question is whether an index can serve the query in its order.
 */
@QuarkusTest
class QueryPlanTest {

    @Inject
    EntityManager em;

    private String explain(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
            em.createNativeQuery("set local enable_sort = off").executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object> lines = em.createNativeQuery("explain " + sql).getResultList();
            return lines.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        });
    }

    @Test
    void theTimelinePageIsAnIndexRangeScanWithoutSorting() {
        String plan = explain("""
                select * from timeline_entry
                where patient_id = '00000000-0000-4000-8000-000000000001'
                  and at >= '2026-01-01T00:00:00Z' and at < '2026-12-01T00:00:00Z'
                order by at desc, id desc limit 50""");
        assertThat(plan).contains("timeline_entry_patient_at_idx").doesNotContain("Sort");
    }

    @Test
    void aTrendWindowReadsTheRollupKeyRange() {
        String plan = explain("""
                select * from daily_rollup
                where patient_id = '00000000-0000-4000-8000-000000000001' and day between '2026-09-01' and '2026-11-30'
                order by day""");
        assertThat(plan).contains("daily_rollup_pkey").doesNotContain("Sort");
    }
}
