-- survey-service's own record of the tickets it has seen, from ticket.events: the base of the pilot's KPIs.
-- Month and site are those of the business time of the opening (Europe/Paris).
create table pilot_ticket (
    ticket_id    uuid        primary key,
    site         varchar(40) not null,
    category     varchar(30) not null,
    opened_at    timestamptz not null,
    opened_month char(7)     not null
);
create index pilot_ticket_by_site_month on pilot_ticket (site, opened_month);
