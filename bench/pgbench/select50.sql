-- Ceiling of GET timeline?size=50: the newest 50 timeline rows of one random patient, one index range scan.
-- pgbench -D patients=N sets the number of patients in bench_timeline.
\set p random(1, :patients)
select id, patient_id, at, kind, item_id, summary from bench_timeline
where patient_id = md5(:p::text)::uuid order by at desc, id desc limit 50;
