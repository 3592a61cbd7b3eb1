-- The business time of the latest progress report applied (from dispatch or logistics): an older report arriving
-- late is written in the timeline but does not move the ticket back.
alter table ticket add column last_progress_at timestamptz;
