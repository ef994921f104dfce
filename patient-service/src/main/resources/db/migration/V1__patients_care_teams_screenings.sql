-- patient-service schema, version 1: patients, care teams, red-flag screenings, the event outbox and the audit log.

create table patient (
    id                  uuid primary key,
    version             bigint       not null,
    given_name          varchar(100) not null,
    family_name         varchar(100) not null,
    birth_date          date         not null,
    sex                 varchar(16)  not null,
    email               varchar(254),
    phone               varchar(40),
    preferred_language  varchar(35),
    oidc_subject        varchar(255) unique,
    pain_onset_date     date,
    pain_type           varchar(20),
    pain_type_rationale varchar(2000),
    pain_classified_by  varchar(255),
    pain_classified_at  timestamptz,
    status              varchar(16)  not null,
    urgent_review       boolean      not null default false,
    discharged_at       timestamptz,
    discharge_reason    varchar(2000),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index patient_family_name_idx on patient (lower(family_name));
create index patient_status_idx on patient (status);
create index patient_urgent_review_idx on patient (urgent_review) where urgent_review;

create table patient_comorbidity (
    patient_id  uuid        not null references patient (id) on delete cascade,
    comorbidity varchar(40) not null,
    primary key (patient_id, comorbidity)
);

create table care_team_member (
    id           uuid primary key,
    patient_id   uuid         not null references patient (id) on delete cascade,
    subject      varchar(255) not null,
    role         varchar(32)  not null,
    display_name varchar(200) not null,
    email        varchar(254),
    added_at     timestamptz  not null,
    added_by     varchar(255) not null,
    unique (patient_id, subject)
);
-- "Which patients is this clinician on the team of?" is asked on every list request.
create index care_team_member_subject_idx on care_team_member (subject);

create table red_flag_screening (
    id          uuid primary key,
    patient_id  uuid         not null references patient (id) on delete cascade,
    screened_at timestamptz  not null,
    screened_by varchar(255) not null,
    positive    boolean      not null,
    notes       varchar(2000)
);
create index red_flag_screening_patient_idx on red_flag_screening (patient_id, screened_at desc);

-- Every item of a screening with its answer, so the history shows what was asked, not only what was found.
create table red_flag_answer (
    screening_id uuid        not null references red_flag_screening (id) on delete cascade,
    red_flag     varchar(64) not null,
    present      boolean     not null,
    primary key (screening_id, red_flag)
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
