-- The latest STarT Back stratum, projected from tracking-service's InstrumentCompleted (null until a first result).
alter table patient add column risk_stratum varchar(16);
alter table patient add column risk_stratum_day date;
alter table patient add column risk_stratum_questionnaire_id uuid;

-- One row per patient: whether a "high risk and no psychologist" episode is open, so the physicians are told once
-- per episode however often the rule is evaluated (and on every instance).
create table psychology_referral_episode (
    patient_id       uuid primary key references patient (id) on delete cascade,
    open             boolean     not null,
    questionnaire_id uuid        not null,
    opened_at        timestamptz not null,
    closed_at        timestamptz
);

-- Event ids already applied (platform-events), written in the same transaction as their effect.
create table processed_event (
    event_id     uuid primary key,
    topic        varchar(64),
    type         varchar(64) not null,
    processed_at timestamptz not null
);
