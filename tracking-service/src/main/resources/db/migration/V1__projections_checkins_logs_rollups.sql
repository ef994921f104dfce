-- tracking-service schema, version 1: projections of patients/care teams and active plans, what the patient
-- reports (check-ins, exercise sessions, medication intakes, flare-ups, questionnaires), the timeline, daily
-- rollups for trends, alert episodes, the event outbox and the audit log.

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

-- The patient's active plan as plan-service last published it: what is prescribed.
create table active_plan (
    patient_id      uuid primary key,
    plan_id         uuid        not null,
    start_date      date,
    exercises       jsonb       not null,
    medications     jsonb       not null,
    self_management jsonb       not null,
    updated_at      timestamptz not null
);

create table check_in (
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

create table exercise_session (
    id           uuid primary key,
    patient_id   uuid         not null,
    day          date         not null,
    exercise     varchar(60)  not null,
    sets         int,
    reps         int,
    minutes      int,
    pain_before  int,
    pain_after   int,
    note         varchar(1000),
    recorded_by  varchar(255) not null,
    recorded_at  timestamptz  not null
);
create index exercise_session_patient_day_idx on exercise_session (patient_id, day);

create table medication_intake (
    id           uuid primary key,
    patient_id   uuid          not null,
    taken_at     timestamptz   not null,
    day          date          not null,
    drug         varchar(40)   not null,
    dose         numeric(9, 3) not null,
    unit         varchar(10)   not null,
    side_effects jsonb         not null,
    recorded_by  varchar(255)  not null,
    recorded_at  timestamptz   not null
);
create index medication_intake_patient_day_idx on medication_intake (patient_id, day);

create table flare_up (
    id           uuid primary key,
    patient_id   uuid          not null,
    started_on   date          not null,
    ended_on     date,
    what_helped  varchar(2000),
    note         varchar(2000),
    recorded_by  varchar(255)  not null,
    recorded_at  timestamptz   not null
);
create index flare_up_patient_idx on flare_up (patient_id, started_on desc);

create table questionnaire (
    id          uuid primary key,
    patient_id  uuid          not null,
    kind        varchar(20)   not null,
    day         date          not null,
    answers     jsonb         not null,
    answered    int           not null,
    score       numeric(5, 1) not null,
    baseline    boolean       not null,
    recorded_by varchar(255)  not null,
    recorded_at timestamptz   not null
);
create index questionnaire_patient_idx on questionnaire (patient_id, kind, day);

-- One row per reported item, written with it: the timeline is one index range scan on (patient, at).
create table timeline_entry (
    id         uuid primary key,
    patient_id uuid        not null,
    at         timestamptz not null,
    kind       varchar(30) not null,
    item_id    uuid        not null,
    summary    jsonb       not null
);
create index timeline_entry_patient_at_idx on timeline_entry (patient_id, at desc, id);
create index timeline_entry_item_idx on timeline_entry (item_id);

-- One row per patient and day, kept up to date on every write: a trend reads at most 90 rows, however long the history.
create table daily_rollup (
    patient_id          uuid not null,
    day                 date not null,
    pain                int,
    sleep_hours         numeric(4, 1),
    sleep_quality       int,
    exercise_sessions   int  not null default 0,
    medication_doses    int  not null default 0,
    nsaid_total         numeric(9, 3),
    primary key (patient_id, day)
);

-- An alert is raised once per episode: the episode stays open while the condition holds.
create table alert_episode (
    patient_id uuid        not null,
    type       varchar(40) not null,
    open       boolean     not null,
    opened_at  timestamptz not null,
    closed_at  timestamptz,
    primary key (patient_id, type)
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
