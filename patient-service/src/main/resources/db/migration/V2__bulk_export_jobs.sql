-- patient-service schema, version 2: FHIR Bulk Data export jobs and the files they wrote.

create table export_job (
    id               uuid primary key,
    requested_by     varchar(255)  not null,
    status           varchar(16)   not null,
    request_url      varchar(2000) not null,
    types            varchar(200)  not null,
    since            timestamptz,
    transaction_time timestamptz,
    progress         varchar(200),
    error            varchar(2000),
    created_at       timestamptz   not null,
    started_at       timestamptz,
    finished_at      timestamptz
);
-- The worker takes the oldest waiting job.
create index export_job_status_idx on export_job (status, created_at);
-- One export in progress per integrator: a second overlapping kick-off answers 429, even when two race.
create unique index export_job_one_active_per_requester on export_job (requested_by)
    where status in ('ACCEPTED', 'RUNNING');

create table export_file (
    job_id         uuid         not null references export_job (id) on delete cascade,
    resource_type  varchar(40)  not null,
    file_name      varchar(100) not null,
    resource_count bigint       not null,
    primary key (job_id, file_name)
);

-- _since and _lastUpdated filter on it.
create index patient_updated_at_idx on patient (updated_at);
