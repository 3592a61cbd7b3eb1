-- Which transaction last changed what bookings plan with (policies, technicians, rotas, absences, visits), so that
-- dispatch can keep what it read of a site from one transaction to the next and know when it is out of date. Every
-- such change, whatever makes it (a booking, a dispatcher, a technician's report, another replica, an operator's
-- SQL), passes through planning_changed(): it first takes the planning lock that bookings hold, then records its
-- transaction. A transaction holding the lock therefore sees changed_by as it will stay until it lets go.
create table planning_state (
    singleton  boolean primary key default true check (singleton),
    changed_by bigint  not null
);
insert into planning_state (changed_by) values (0);

-- The planning lock (a transaction-level advisory lock; dispatch's database holds no other), then changed_by as
-- committed when it was granted (or as this transaction changed it) and this transaction's id. VOLATILE, so that the
-- select inside reads with a snapshot taken after the lock, not at the start of the calling statement.
create function take_planning_lock() returns table (changed_by bigint, taken_by bigint)
    language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(7411001);
    return query select s.changed_by, txid_current() from planning_state s;
end
$$;

-- Before the statement touches a row, so that a writer that does not take the lock first (a visit completed, a
-- policy changed) waits for it holding no row a booking could need.
create function planning_changed() returns trigger
    language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7411001);
    update planning_state set changed_by = txid_current() where changed_by <> txid_current();
    return null;
end
$$;

create trigger site_policy_changed before insert or update or delete or truncate on site_policy
    for each statement execute function planning_changed();
create trigger technician_changed before insert or update or delete or truncate on technician
    for each statement execute function planning_changed();
create trigger rota_day_changed before insert or update or delete or truncate on rota_day
    for each statement execute function planning_changed();
create trigger absence_changed before insert or update or delete or truncate on absence
    for each statement execute function planning_changed();
create trigger intervention_changed before insert or update or delete or truncate on intervention
    for each statement execute function planning_changed();
