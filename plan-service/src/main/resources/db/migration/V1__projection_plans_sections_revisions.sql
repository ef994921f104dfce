-- plan-service schema, version 1: the patient/care-team projection, plans with independently versioned sections,
-- revision history, the event outbox and the audit log.

create table processed_event (
    event_id     uuid primary key,
    type         varchar(64) not null,
    processed_at timestamptz not null
);

create table patient (
    id            uuid primary key,
    given_name    varchar(100),
    family_name   varchar(100),
    oidc_subject  varchar(255),
    status        varchar(16) not null,
    pain_type     varchar(20),
    urgent_review boolean     not null default false,
    updated_at    timestamptz not null
);
create index patient_oidc_subject_idx on patient (oidc_subject);

create table patient_comorbidity (
    patient_id  uuid        not null references patient (id) on delete cascade,
    comorbidity varchar(40) not null,
    primary key (patient_id, comorbidity)
);

create table care_team_member (
    id           uuid primary key,
    patient_id   uuid         not null references patient (id) on delete cascade,
    subject      varchar(255) not null,
    role         varchar(32),
    display_name varchar(200)
);
create index care_team_member_patient_idx on care_team_member (patient_id);
create index care_team_member_subject_idx on care_team_member (subject);

create table plan (
    id                     uuid primary key,
    patient_id             uuid         not null references patient (id),
    version                bigint       not null,
    status                 varchar(16)  not null,
    title                  varchar(200) not null,
    template               varchar(20),
    owner_subject          varchar(255) not null,
    start_date             date,
    review_date            date         not null,
    review_interval_weeks  int          not null,
    review_due_raised_for  date,
    revision               int          not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);
-- One episode at a time: at most one open (draft, active or on-hold) plan per patient.
create unique index plan_one_open_per_patient on plan (patient_id) where status in ('DRAFT', 'ACTIVE', 'ON_HOLD');
create index plan_review_date_idx on plan (review_date) where status in ('DRAFT', 'ACTIVE', 'ON_HOLD');

create table plan_section (
    plan_id    uuid         not null references plan (id) on delete cascade,
    kind       varchar(32)  not null,
    version    bigint       not null,
    content    jsonb        not null,
    updated_by varchar(255) not null,
    updated_at timestamptz  not null,
    primary key (plan_id, kind)
);

create table plan_revision (
    plan_id    uuid         not null references plan (id) on delete cascade,
    revision   int          not null,
    changed    varchar(32)  not null,
    summary    varchar(500) not null,
    changed_by varchar(255) not null,
    changed_at timestamptz  not null,
    snapshot   jsonb        not null,
    primary key (plan_id, revision)
);

create table outbox_event (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    patient_id  uuid        not null,
    type        varchar(64) not null,
    version     int         not null,
    occurred_at timestamptz not null,
    payload     jsonb       not null,
    sent_at     timestamptz,
    attempts    int         not null default 0,
    last_error  varchar(1000)
);
create index outbox_event_unsent_idx on outbox_event (seq) where sent_at is null;

create table audit_entry (
    id          bigint generated always as identity primary key,
    at          timestamptz  not null,
    actor       varchar(255) not null,
    actor_roles varchar(255) not null,
    action      varchar(40)  not null,
    patient_id  uuid,
    detail      varchar(500)
);
create index audit_entry_patient_idx on audit_entry (patient_id, at desc);
create index audit_entry_actor_idx on audit_entry (actor, at desc);
create index audit_entry_at_idx on audit_entry (at desc);
