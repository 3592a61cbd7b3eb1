-- Site support policies are data, versioned by the date they take effect: changing a site's mode is a call, not a
-- deploy, and the past keeps the policy it had.
create table site_policy (
    site_code            varchar(40)  not null,
    effective_from       date         not null,
    mode                 varchar(20)  not null,
    holiday_region       varchar(20)  not null,
    time_zone            varchar(40)  not null,
    morning_start        time         not null,
    morning_end          time         not null,
    afternoon_start      time         not null,
    afternoon_end        time         not null,
    on_site_minutes      integer      not null,
    meeting_room_minutes integer      not null,
    collection_minutes   integer      not null,
    latitude             double precision not null,
    longitude            double precision not null,
    updated_at           timestamptz  not null,
    primary key (site_code, effective_from)
);

-- Technicians of the regional field teams: dedicated to one site or pooled over several. An on-site technician
-- (OSS) has a site where they are present, by half-day, per the weekly rota below.
create table technician (
    id             varchar(64)  primary key,
    name           varchar(200) not null,
    team           varchar(40)  not null,
    base_latitude  double precision not null,
    base_longitude double precision not null,
    sites          varchar(40)[] not null,
    skills         varchar(40)[] not null default '{}',
    oss_site       varchar(40),
    updated_at     timestamptz  not null
);

-- The OSS's half-day of presence per weekday (1 = Monday ... 5 = Friday), adjustable by the dispatcher.
create table rota_day (
    technician_id varchar(64) not null references technician (id),
    day_of_week   integer     not null check (day_of_week between 1 and 7),
    half_day      varchar(10) not null,
    primary key (technician_id, day_of_week)
);

create table absence (
    id            bigint generated always as identity primary key,
    technician_id varchar(64) not null references technician (id),
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    reason        varchar(20) not null,
    check (ends_at > starts_at)
);
create index absence_by_technician on absence (technician_id, starts_at);

create table intervention (
    id             uuid         primary key,
    ticket_id      uuid,
    site_code      varchar(40)  not null,
    kind           varchar(20)  not null,
    technician_id  varchar(64)  not null references technician (id),
    window_start   timestamptz  not null,
    window_end     timestamptz  not null,
    deadline       timestamptz  not null,
    within_promise boolean      not null,
    status         varchar(20)  not null,
    outcome        varchar(20),
    travel_km      double precision,
    requested_at   timestamptz  not null,
    completed_at   timestamptz,
    version        bigint       not null,
    check (window_end > window_start)
);
create index intervention_by_technician on intervention (technician_id, window_start);
-- One live appointment per ticket: a redelivered escalation can never book twice.
create unique index intervention_one_live_per_ticket on intervention (ticket_id)
    where ticket_id is not null and status in ('SCHEDULED', 'STARTED');
