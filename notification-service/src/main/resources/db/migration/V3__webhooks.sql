-- notification-service schema, webhooks: integrators' endpoints, the deliveries queued for them and every attempt.

-- An integrator's endpoint. The secret is kept in clear because every delivery is signed with it (HMAC needs the key);
-- it is only ever shown to the integrator in the creation response.
create table webhook_endpoint (
    id                   uuid primary key,
    owner_subject        text        not null,
    url                  text        not null,
    secret               text        not null,
    -- The notification kinds subscribed to; an empty array means every kind.
    kinds                jsonb       not null default '[]',
    description          text,
    created_at           timestamptz not null,
    -- Failed attempts in a row, over all deliveries; any success resets it. Too many disable the endpoint.
    consecutive_failures int         not null default 0,
    disabled_at          timestamptz,
    disabled_reason      text
);
create index webhook_endpoint_by_owner on webhook_endpoint (owner_subject, created_at desc, id desc);

-- One event for one endpoint. Queued in the transaction that handled the event, so it is never lost nor doubled.
create table webhook_delivery (
    id              uuid primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id        uuid        not null,
    event_type      text        not null,
    -- The exact body sent and signed; text, not jsonb, so the bytes never change between signing and sending.
    payload         text        not null,
    status          text        not null,
    attempts        int         not null default 0,
    -- When the next attempt is due; null once delivered or failed.
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_log on webhook_delivery (endpoint_id, created_at desc, id desc);

-- One try at sending a delivery: its HTTP status, or the error when there was none (timeout, refused connection).
create table webhook_attempt (
    id           uuid primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    number       int         not null,
    attempted_at timestamptz not null,
    http_status  int,
    error        text,
    duration_ms  bigint      not null,
    unique (delivery_id, number)
);
