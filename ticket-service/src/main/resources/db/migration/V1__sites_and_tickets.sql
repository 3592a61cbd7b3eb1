-- Sites are reference data, maintained through PUT /sites/{code}; they are never hard-coded.
create table site (
    code       varchar(40)  primary key,
    name       varchar(100) not null,
    time_zone  varchar(40)  not null,
    updated_at timestamptz  not null
);

create table ticket (
    id          uuid         primary key,
    employee_id varchar(64)  not null,
    site_code   varchar(40)  not null references site (code),
    category    varchar(30)  not null,
    summary     varchar(200) not null,
    details     varchar(4000),
    accessory   varchar(40),
    room_id     varchar(64),
    asset_tags  varchar(64)[] not null default '{}',
    status      varchar(30)  not null,
    opened_at   timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);
create index ticket_by_site_status on ticket (site_code, status, opened_at desc);
create index ticket_by_opened on ticket (opened_at desc, id);

-- Who did what and when, from the token's subject or the event's source.
create table ticket_timeline_entry (
    id        bigint generated always as identity primary key,
    ticket_id uuid         not null references ticket (id),
    at        timestamptz  not null,
    actor     varchar(200) not null,
    kind      varchar(60)  not null,
    detail    varchar(4000)
);
create index ticket_timeline_by_ticket on ticket_timeline_entry (ticket_id, at, id);
