-- The timeline is read newest first with id as the tie-breaker (order by at desc, id desc): the index must have the
-- same order so the page is a pure range scan with no sort step (QueryPlanTest).
drop index timeline_entry_patient_at_idx;
create index timeline_entry_patient_at_idx on timeline_entry (patient_id, at desc, id desc);
