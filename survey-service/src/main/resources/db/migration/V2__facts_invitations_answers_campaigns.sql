-- Every event of the other services that the pilot's figures read, kept as it came (its payload) with the
-- envelope fields the projections select on. The KPIs are computed from these facts by event time, so a replay of
-- the same stream gives the same figures; the inbox (ce_id) makes each fact arrive once.
create table pilot_fact (
    event_id     varchar(100) primary key,
    event_type   varchar(60)  not null,
    topic        varchar(60)  not null,
    site         varchar(40)  not null,
    ticket_id    uuid,
    subject_id   varchar(100),
    occurred_at  timestamptz  not null,
    payload      text         not null
);
create index pilot_fact_by_site_time on pilot_fact (site, occurred_at);
create index pilot_fact_by_ticket on pilot_fact (ticket_id);

-- The employee of each ticket (pseudonymous id, from TicketOpened): whom a survey invitation goes to.
alter table pilot_ticket add column employee_id varchar(60);

-- A ticket that may get a survey: one per ticket (the primary key), created by the first completed intervention or
-- delivered accessory, issued by the scheduler once due.
create table survey_candidate (
    ticket_id     uuid         primary key,
    site          varchar(40)  not null,
    trigger_type  varchar(60)  not null,
    triggered_at  timestamptz  not null,
    due_at        timestamptz  not null,
    status        varchar(30)  not null,
    decided_at    timestamptz
);
create index survey_candidate_pending on survey_candidate (due_at) where status = 'PENDING';

-- A one-time link: only the SHA-256 of its token is kept.
create table survey_invitation (
    id             uuid         primary key,
    token_hash     char(64)     not null unique,
    kind           varchar(20)  not null,
    ticket_id      uuid         unique,
    campaign_id    uuid,
    site           varchar(40)  not null,
    employee_id    varchar(60)  not null,
    reference_at   timestamptz  not null,
    issued_at      timestamptz  not null,
    expires_at     timestamptz  not null,
    reminder_due_at timestamptz not null,
    reminded_at    timestamptz,
    answered_at    timestamptz
);
create index survey_invitation_by_employee on survey_invitation (employee_id, reference_at);
create index survey_invitation_by_site on survey_invitation (site, reference_at);
create index survey_invitation_reminder on survey_invitation (reminder_due_at)
    where reminded_at is null and answered_at is null;

-- An answer, without the employee: the invitation it answers holds who was asked, the answer only what was said.
create table survey_answer (
    invitation_id  uuid         primary key references survey_invitation (id),
    kind           varchar(20)  not null,
    campaign_id    uuid,
    site           varchar(40)  not null,
    reference_month char(7)     not null,
    rating         int          not null check (rating between 1 and 5),
    ratings        varchar(200) not null,
    comment        varchar(2000),
    answered_at    timestamptz  not null
);
create index survey_answer_by_site on survey_answer (site, reference_month);

-- The complementary survey: its own questions (each rated 1 to 5) and window, over uploaded employees.
create table survey_campaign (
    id          uuid          primary key,
    name        varchar(200)  not null,
    questions   text          not null,
    opens_at    timestamptz   not null,
    closes_at   timestamptz   not null,
    created_at  timestamptz   not null
);

-- One invitation per employee and campaign, whatever the uploads.
create unique index survey_invitation_one_per_campaign on survey_invitation (campaign_id, employee_id)
    where campaign_id is not null;
