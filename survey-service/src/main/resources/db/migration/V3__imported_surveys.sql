-- A survey of the past, imported with its business times (the importer role): no link was sent by this platform,
-- so no reminder is ever due for it and it never leaves through survey.events as an invitation.
alter table survey_invitation add column imported boolean not null default false;
