-- logistics-service: catalogue and stock, delivery addresses, shipments, returns, allocations, lockers and the
-- custody log. Reference data (catalogue, site profiles, stock, locker banks) is put through the admin API.

create table catalogue_item (
    code        varchar(40)  primary key,
    name        varchar(100) not null,
    blocks_work boolean      not null,
    parcel_size varchar(10)  not null check (parcel_size in ('SMALL', 'MEDIUM', 'LARGE'))
);

-- What logistics needs to know of a site: whether an on-site technician can hand over an accessory.
create table site_profile (
    code          varchar(40) primary key,
    oss_handover  boolean     not null
);

-- Stock per location and item. 'available' never goes below zero: reservations are conditional updates, so two
-- shipments can never take the last unit.
create table stock_level (
    location_id          varchar(64) not null,
    location_kind        varchar(20) not null check (location_kind in ('CENTRAL_WAREHOUSE', 'SITE_STOCK')),
    site                 varchar(40),
    item_code            varchar(40) not null references catalogue_item (code),
    available            integer     not null check (available >= 0),
    low_threshold        integer,
    low_reported         boolean     not null default false,
    primary key (location_id, item_code),
    check ((location_kind = 'SITE_STOCK') = (site is not null))
);

-- Personal data: only here, never logged, never published. Erased by DELETE.
create table delivery_address (
    employee_id    varchar(64)  primary key,
    recipient_name varchar(120) not null,
    line1          varchar(200) not null,
    line2          varchar(200),
    postal_code    varchar(16)  not null,
    city           varchar(100) not null,
    country        varchar(2)   not null,
    updated_at     timestamptz  not null
);

create table shipment (
    id              uuid        primary key,
    ticket_id       uuid,
    escalation      integer,
    employee_id     varchar(64) not null,
    site            varchar(40) not null,
    item_code       varchar(40) not null references catalogue_item (code),
    method          varchar(20) not null,
    interim         varchar(20) not null,
    status          varchar(20) not null,
    source_location varchar(64),
    co2e_kg         double precision,
    expected_by     timestamptz,
    failure_reason  varchar(200),
    requested_at    timestamptz not null,
    dispatched_at   timestamptz,
    delivered_at    timestamptz,
    version         bigint      not null default 0
);
-- One shipment per escalation of a ticket, whatever the redeliveries.
create unique index shipment_per_escalation on shipment (ticket_id, escalation) where ticket_id is not null;
create index shipment_by_employee on shipment (employee_id, status);

create table return_request (
    id           uuid        primary key,
    ticket_id    uuid,
    escalation   integer,
    employee_id  varchar(64) not null,
    site         varchar(40) not null,
    collection   varchar(20) not null check (collection in ('TECHNICIAN', 'LOCKER')),
    status       varchar(20) not null,
    requested_at timestamptz not null,
    received_at  timestamptz,
    version      bigint      not null default 0
);
create unique index return_per_escalation on return_request (ticket_id, escalation) where ticket_id is not null;

create table returned_asset (
    return_id   uuid        not null references return_request (id),
    asset       varchar(64) not null,
    condition   varchar(20),
    received_at timestamptz,
    primary key (return_id, asset)
);

create table allocation (
    id           uuid        primary key,
    ticket_id    uuid,
    escalation   integer,
    employee_id  varchar(64) not null,
    site         varchar(40) not null,
    start_date   date        not null,
    status       varchar(20) not null,
    assets       text,
    requested_at timestamptz not null,
    prepared_at  timestamptz,
    version      bigint      not null default 0
);
create unique index allocation_per_escalation on allocation (ticket_id, escalation) where ticket_id is not null;

create table locker_compartment (
    locker_id   varchar(64) not null,
    site        varchar(40) not null,
    compartment varchar(16) not null,
    primary key (locker_id, compartment)
);

-- What is in a compartment now. The pickup code is stored as a SHA-256 hash, single use, expiring.
create table locker_deposit (
    id               uuid        primary key,
    locker_id        varchar(64) not null,
    compartment      varchar(16) not null,
    site             varchar(40) not null,
    purpose          varchar(10) not null check (purpose in ('PICKUP', 'RETURN')),
    ticket_id        uuid,
    shipment_id      uuid references shipment (id),
    return_id        uuid references return_request (id),
    contents         text        not null,
    code_hash        varchar(64),
    expires_at       timestamptz,
    status           varchar(20) not null,
    deposited_at     timestamptz not null,
    closed_at        timestamptz,
    version          bigint      not null default 0,
    foreign key (locker_id, compartment) references locker_compartment (locker_id, compartment)
);
-- A compartment holds one deposit at a time.
create unique index one_deposit_per_compartment on locker_deposit (locker_id, compartment) where status = 'IN_LOCKER';
create index locker_deposit_expiry on locker_deposit (expires_at) where status = 'IN_LOCKER';

-- Append-only custody log: who had what, where, when. Rows are never updated nor deleted (enforced below).
create table custody_entry (
    id          bigint generated always as identity primary key,
    asset       varchar(64)  not null,
    action      varchar(40)  not null,
    actor       varchar(100) not null,
    locker_id   varchar(64),
    compartment varchar(16),
    site        varchar(40),
    return_id   uuid,
    shipment_id uuid,
    ticket_id   uuid,
    at          timestamptz  not null
);
create index custody_by_asset on custody_entry (asset, id);
create index custody_by_locker on custody_entry (locker_id, id);

create function custody_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'custody_entry is append-only';
end;
$$;
create trigger custody_entry_no_change before update or delete or truncate on custody_entry
    for each statement execute function custody_entry_append_only();
