-- Tables of the service chassis, the same in every service's own database.
-- Versions 0.x belong to the chassis; each service numbers its own migrations from 1.

-- Transactional outbox: events are written in the transaction of the state change that causes them,
-- and the relay publishes them in position order, marking each one only after the broker acknowledged it.
create table outbox_event (
    position     bigint generated always as identity primary key,
    event_id     uuid         not null unique,
    event_type   varchar(100) not null,
    record_key   varchar(200) not null,
    occurred_at  timestamptz  not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (position) where published_at is null;

-- Idempotent inbox: the CloudEvents id of every event a consumer applied, written in the same transaction as
-- the effect, so a redelivered event is recognised and skipped.
create table inbox_event (
    consumer    varchar(100) not null,
    event_id    varchar(200) not null,
    event_type  varchar(100) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key of create calls: the first request's answer, replayed for a retry of the same request.
create table idempotency_record (
    scope           varchar(100) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    response_status integer,
    response_location text,
    response_body   text,
    created_at      timestamptz  not null default now(),
    primary key (scope, idempotency_key)
);
