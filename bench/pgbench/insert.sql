-- Ceiling of POST check-in: one single-row insert of a check-in-shaped row per transaction (autocommit).
\set pain random(0, 10)
\set dayoff random(0, 3650)
insert into bench_check_in (id, patient_id, day, version, pain, locations, pain_character, leg_symptoms,
    function_score, sleep_hours, sleep_quality, mood, stress, triggers, relievers, note, red_flags, recorded_by,
    recorded_at, updated_at)
values (gen_random_uuid(), gen_random_uuid(), current_date - :dayoff::int, 0, :pain, '["lower-back"]', '["aching"]', false,
    6, 6.5, 4, 6, 5, '["sitting"]', '["heat", "walking"]', null, '[]', '10000000-0000-4000-8000-000000000001', now(), now());
