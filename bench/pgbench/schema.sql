-- Scratch tables of the pgbench ceilings (database "bench", owned by role bench; dropped and re-created by every
-- run). Shaped like tracking-service's check_in and timeline_entry (V1/V2 migrations): same columns, types, keys
-- and the timeline's (patient_id, at desc, id desc) index.
set client_min_messages = warning;
drop table if exists bench_check_in;
drop table if exists bench_timeline;
create table bench_check_in (
    id             uuid primary key,
    patient_id     uuid         not null,
    day            date         not null,
    version        bigint       not null,
    pain           int          not null,
    locations      jsonb        not null,
    pain_character jsonb        not null,
    leg_symptoms   boolean      not null,
    function_score int,
    sleep_hours    numeric(4, 1),
    sleep_quality  int,
    mood           int,
    stress         int,
    triggers       jsonb        not null,
    relievers      jsonb        not null,
    note           varchar(2000),
    red_flags      jsonb        not null,
    recorded_by    varchar(255) not null,
    recorded_at    timestamptz  not null,
    updated_at     timestamptz  not null,
    unique (patient_id, day)
);
create table bench_timeline (
    id         uuid primary key,
    patient_id uuid        not null,
    at         timestamptz not null,
    kind       varchar(30) not null,
    item_id    uuid        not null,
    summary    jsonb       not null
);
-- :patients patients x :days days, the same volume as the seeded tracking database. Patient n's id is md5(n)::uuid.
insert into bench_timeline (id, patient_id, at, kind, item_id, summary)
select gen_random_uuid(), md5(p::text)::uuid, (current_date - d)::timestamp at time zone 'UTC' + interval '12 hours',
       'check-in', gen_random_uuid(),
       jsonb_build_object('pain', (p + d) % 11, 'day', (current_date - d)::text, 'redFlags', '[]'::jsonb)
from generate_series(1, :patients) p, generate_series(0, :days - 1) d;
create index bench_timeline_patient_at_idx on bench_timeline (patient_id, at desc, id desc);
create index bench_timeline_item_idx on bench_timeline (item_id);
vacuum analyze bench_timeline;
