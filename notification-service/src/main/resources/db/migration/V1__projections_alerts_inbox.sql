-- notification-service schema, part 1: what it knows from other services, and the inbox with urgent alerts.

-- Patients and care teams, projected from patient-events: who to notify about whom.
create table patient (
    id                 uuid primary key,
    given_name         text,
    family_name        text,
    oidc_subject       text,
    email              text,
    status             text        not null,
    -- From tracking-events CheckInRecorded: the daily reminder is skipped once the patient checked in.
    last_check_in_day  date,
    -- The daily check-in reminder was sent for this day (clinic calendar); at most one a day.
    last_reminded_on   date,
    updated_at         timestamptz not null
);
create index patient_by_subject on patient (oidc_subject);

create table care_team_member (
    patient_id   uuid not null references patient (id) on delete cascade,
    subject      text not null,
    role         text not null,
    display_name text not null,
    email        text,
    primary key (patient_id, subject)
);
create index care_team_member_by_subject on care_team_member (subject);

-- The patient's open plan, from plan-events: its owner (plan review reminders) and flare-up steps (flare guidance).
create table plan_projection (
    patient_id     uuid primary key,
    plan_id        uuid        not null,
    status         text        not null,
    owner_subject  text,
    flare_up_steps jsonb       not null default '[]',
    updated_at     timestamptz not null
);

-- Event ids already handled, written in the same transaction as the notifications they caused.
create table processed_event (
    event_id     uuid primary key,
    topic        text        not null,
    type         text        not null,
    processed_at timestamptz not null
);

-- An urgent alert: chased (escalated) until someone acknowledges it. State lives here, not in memory.
create table alert (
    id                 uuid primary key,
    patient_id         uuid        not null,
    source_event_id    uuid        not null unique,
    kind               text        not null,
    summary            text        not null,
    raised_at          timestamptz not null,
    escalation_level   int         not null default 0,
    -- When the next escalation is due; null once acknowledged.
    next_escalation_at timestamptz,
    acknowledged_at    timestamptz,
    acknowledged_by    text,
    version            bigint      not null default 0
);
create index alert_escalation_due on alert (next_escalation_at) where acknowledged_at is null;

create table alert_escalation (
    id           uuid primary key,
    alert_id     uuid        not null references alert (id),
    level        int         not null,
    escalated_at timestamptz not null,
    -- Who the alert went to at this level: subjects, or "role:admin".
    recipients   jsonb       not null,
    unique (alert_id, level)
);

-- One inbox item for one recipient: a person (subject) or everyone holding a role (admins).
create table notification (
    id               uuid primary key,
    recipient_subject text,
    recipient_role   text,
    patient_id       uuid,
    source_event_id  uuid,
    alert_id         uuid references alert (id),
    kind             text        not null,
    priority         text        not null,
    title            text        not null,
    message          text        not null,
    created_at       timestamptz not null,
    read_at          timestamptz,
    read_by          text,
    escalation_level int         not null default 0,
    version          bigint      not null default 0,
    constraint notification_one_recipient check (num_nonnulls(recipient_subject, recipient_role) = 1)
);
-- The same event never notifies the same recipient twice about the same thing (belt and braces beside processed_event).
create unique index notification_once on notification
    (source_event_id, coalesce(recipient_subject, 'role:' || recipient_role), kind, escalation_level)
    where source_event_id is not null;
create index notification_inbox_subject on notification (recipient_subject, created_at desc, id desc)
    where recipient_subject is not null;
create index notification_inbox_role on notification (recipient_role, created_at desc, id desc)
    where recipient_role is not null;
create index notification_unread_subject on notification (recipient_subject) where read_at is null;
create index notification_by_alert on notification (alert_id) where alert_id is not null;
