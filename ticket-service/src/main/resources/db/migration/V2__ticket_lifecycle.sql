-- The lifecycle: how the ticket was escalated and resolved, and when it ended.
alter table ticket add column escalation_kind varchar(20);
alter table ticket add column escalations integer not null default 0;
alter table ticket add column start_date date;
alter table ticket add column resolved_at timestamptz;
alter table ticket add column resolved_remotely boolean;
alter table ticket add column resolution varchar(20);
alter table ticket add column ended_at timestamptz;
create index ticket_resolved_for_auto_close on ticket (resolved_at) where status = 'RESOLVED';
create index ticket_by_employee on ticket (employee_id, opened_at desc);

-- Business days of a site follow its holiday region (FR, or FR-67 for the Bas-Rhin's Alsace-Moselle holidays).
alter table site add column holiday_region varchar(20) not null default 'FR';
