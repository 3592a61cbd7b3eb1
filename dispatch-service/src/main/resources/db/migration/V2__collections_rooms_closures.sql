-- A collection visit belongs to a return (the employee's form has no ticket); a room check to a meeting room.
alter table intervention add column return_id uuid;
alter table intervention add column room_id varchar(64);
-- One live collection per return: a redelivered ReturnRequested can never book twice.
create unique index intervention_one_live_per_return on intervention (return_id)
    where return_id is not null and status in ('SCHEDULED', 'STARTED');
create index intervention_by_site on intervention (site_code, window_start);
create index intervention_by_requested on intervention (site_code, kind, requested_at);

-- Tickets closed (cancelled, or resolved remotely), with when: an escalation older than its ticket's closure,
-- read late (a replay, a redelivery out of order), books nothing. A reopened ticket escalated again is newer.
create table ticket_closure (
    ticket_id   uuid        primary key,
    reason      varchar(40) not null,
    occurred_at timestamptz not null
);

-- The meeting rooms of each site, checked once a month.
create table meeting_room (
    site_code  varchar(40)  not null,
    room_id    varchar(64)  not null,
    name       varchar(200) not null,
    active     boolean      not null,
    updated_at timestamptz  not null,
    primary key (site_code, room_id)
);

-- A room's check for a month: planned as a visit (intervention of kind ROOM_CHECK), then its result.
create table room_check (
    id              uuid        primary key,
    site_code       varchar(40) not null,
    room_id         varchar(64) not null,
    month           varchar(7)  not null,
    intervention_id uuid        not null references intervention (id),
    result          varchar(10),
    fault           varchar(500),
    checked_at      timestamptz,
    version         bigint      not null,
    unique (site_code, room_id, month),
    foreign key (site_code, room_id) references meeting_room (site_code, room_id)
);
