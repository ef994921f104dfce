-- plan-service schema, version 2: Bulk Data $export jobs, and indexes for the FHIR API.

create table export_job (
    id               uuid primary key,
    requested_by     varchar(255)  not null,
    kind             varchar(16)   not null,
    types            varchar(200)  not null,
    since            timestamptz,
    status           varchar(16)   not null,
    transaction_time timestamptz   not null,
    request          varchar(2000) not null,
    base_url         varchar(1000) not null,
    progress         int           not null default 0,
    error            varchar(1000),
    output           jsonb         not null default '[]',
    created_at       timestamptz   not null,
    started_at       timestamptz,
    finished_at      timestamptz
);
-- One export at a time per integrator: a second overlapping kick-off answers 429.
create unique index export_job_one_open_per_requester on export_job (requested_by) where status in ('QUEUED', 'RUNNING');
create index export_job_queued_idx on export_job (created_at) where status = 'QUEUED';

-- GET /fhir/MedicationRequest/{id}: find the plan whose medication section holds the prescription.
create index plan_section_medications_idx on plan_section using gin (content jsonb_path_ops) where kind = 'MEDICATIONS';
-- _since and _lastUpdated, and the export's order.
create index plan_updated_at_idx on plan (updated_at, id);
