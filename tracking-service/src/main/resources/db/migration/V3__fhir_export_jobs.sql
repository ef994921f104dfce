-- FHIR Bulk Data $export: one row per export an integrator kicked off. At most one queued or running export per
-- integrator (a second one answers 429). outputs lists the NDJSON files written: [{"type", "fileName", "count"}].
create table export_job (
    id               uuid primary key,
    requested_by     varchar(255)  not null,
    kind             varchar(10)   not null,
    types            varchar(200)  not null,
    since            timestamptz,
    request          varchar(2000) not null,
    status           varchar(12)   not null,
    transaction_time timestamptz   not null,
    progress         varchar(200),
    error            varchar(2000),
    outputs          jsonb         not null,
    created_at       timestamptz   not null,
    finished_at      timestamptz
);
create index export_job_queue_idx on export_job (status, created_at);
create unique index export_job_one_active_idx on export_job (requested_by) where status in ('queued', 'running');

-- _since and _lastUpdated read by last update.
create index check_in_updated_at_idx on check_in (updated_at);
create index questionnaire_recorded_at_idx on questionnaire (recorded_at);
create index medication_intake_recorded_at_idx on medication_intake (recorded_at);
