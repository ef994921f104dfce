-- plan-service schema, version 5: the Idempotency-Key header as every service runs it (platform/idempotency). A
-- caller's key is claimed here before its POST runs (insert ... on conflict do nothing, committed at once, so every
-- instance sees it) and keeps the first successful answer, which a retry with the key gets again.

create table idempotency_key (
    caller_subject  varchar(255)  not null,
    idempotency_key varchar(255)  not null,
    method          varchar(10)   not null,
    path            varchar(4096) not null,
    body_sha256     varchar(64)   not null,
    claim           uuid          not null,
    claimed_at      timestamptz   not null,
    expires_at      timestamptz   not null,
    completed_at    timestamptz,
    response_status integer,
    content_type    varchar(255),
    location        varchar(4096),
    etag            varchar(255),
    response_body   bytea,
    primary key (caller_subject, idempotency_key)
);
-- The cleanup finds the expired keys by this index and deletes them in batches.
create index idempotency_key_expires_idx on idempotency_key (expires_at);
