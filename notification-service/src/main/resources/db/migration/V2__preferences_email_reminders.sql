-- notification-service schema, part 2: per-user preferences and the e-mail channel's outbox.

-- What one user (OIDC subject) chose; no row means the defaults: e-mail on, no quiet hours, the clinic's time zone.
create table user_preference (
    subject                text primary key,
    -- Overrides the address known from patient-events; null: use that one.
    email                  text,
    email_enabled          boolean     not null default true,
    -- Local times in time_zone; the window may wrap midnight (22:00-07:00).
    quiet_hours_start      time,
    quiet_hours_end        time,
    -- null: backcare.time-zone.
    time_zone              text,
    -- Patients only; null: backcare.reminders.default-time.
    check_in_reminder_time time,
    version                bigint      not null default 0,
    updated_at             timestamptz not null,
    constraint user_preference_quiet_hours_pair check ((quiet_hours_start is null) = (quiet_hours_end is null)),
    constraint user_preference_quiet_hours_not_empty check (quiet_hours_start is null or quiet_hours_start <> quiet_hours_end)
);

-- One e-mail for one notification, queued in the notification's transaction and sent by a scheduler afterwards,
-- so a slow or absent SMTP server never holds up (or rolls back) event handling.
create table email_message (
    id              uuid primary key,
    notification_id uuid        not null references notification (id),
    to_address      text        not null,
    subject         text        not null,
    body            text        not null,
    urgent          boolean     not null,
    created_at      timestamptz not null,
    -- Not sent before this instant: the end of the recipient's quiet hours, or the creation time.
    not_before      timestamptz not null,
    -- When the sender picks it up next: not_before at first, later than that after a failed attempt.
    next_attempt_at timestamptz not null,
    status          text        not null default 'pending',
    attempts        int         not null default 0,
    last_error      text,
    sent_at         timestamptz,
    constraint email_message_status check (status in ('pending', 'sent', 'failed'))
);
create index email_message_due on email_message (next_attempt_at) where status = 'pending';
create index email_message_by_notification on email_message (notification_id);
