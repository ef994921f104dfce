-- tracking-service schema, version 5: Bulk Data export as every service runs it (platform/export). Jobs are
-- claimed with a lease, so that any instance may run or take over one, and their NDJSON files are kept here in
-- chunks, so that any instance may serve a download. The old jobs' files were on one instance's disk: they are
-- dropped, and an integrator kicks off again.

drop table export_job;

create table export_job (
    id               uuid primary key,
    requested_by     varchar(255)  not null,
    kind             varchar(16)   not null,
    types            varchar(200)  not null,
    since            timestamptz,
    request          varchar(2000) not null,
    status           varchar(16)   not null,
    transaction_time timestamptz   not null,
    progress         varchar(500),
    error            varchar(2000),
    outputs          jsonb         not null default '[]',
    run_id           uuid,
    lease_until      timestamptz,
    attempts         integer       not null default 0,
    created_at       timestamptz   not null,
    started_at       timestamptz,
    finished_at      timestamptz
);
-- Workers claim the oldest queued job, or a running one whose lease ran out.
create index export_job_claim_idx on export_job (status, created_at);
-- One export in progress per integrator: a second overlapping kick-off answers 429, even when two race.
create unique index export_job_one_in_progress on export_job (requested_by) where status in ('QUEUED', 'RUNNING');

create table export_chunk (
    job_id    uuid         not null references export_job (id) on delete cascade,
    run_id    uuid         not null,
    file_name varchar(100) not null,
    seq       integer      not null,
    data      bytea        not null,
    primary key (job_id, run_id, file_name, seq)
);
