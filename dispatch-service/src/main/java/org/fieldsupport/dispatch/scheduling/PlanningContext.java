package org.fieldsupport.dispatch.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.engine.spi.SessionImplementor;

import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.policies.SitePolicy;
import org.fieldsupport.dispatch.technicians.RotaDay;
import org.fieldsupport.dispatch.technicians.Technician;

/**
 * What bookings have read of each site: its policy, the technicians who serve it with the rota of its on-site
 * technician, and their agendas over a span. A consumer's batch books visits at the same few sites, and the next batch
 * at the same sites again; reading these four for each visit was a quarter of dispatch's time in a burst of
 * escalations, and for each batch most of a booking's round trips to the database when batches are small.
 * <p>
 * Within a transaction, a site is read only once it holds the {@link PlanningLock}: from then on the agendas change
 * only by its hand. The visits it books are added as they are booked; any other change it makes to an agenda (a visit
 * called off or moved, an absence, a technician changed) forgets everything read, through {@link #forget()}.
 * <p>
 * From one transaction to the next, what a committed transaction had read (with its bookings) is kept for the next
 * one to take, labelled with the state of the planning data it matches: the transaction that had last changed them
 * when it took the lock, or itself if it changed them. The database records, under the same lock, which transaction
 * last changed them (migration V3), whoever made the change; the next transaction reuses what was kept only if that is
 * still one of the two. A transaction that rolls back keeps nothing, nor does one that had loaded entities before it
 * took the lock (they may be older than the lock, and the site's queries return them as loaded).
 */
@ApplicationScoped
public class PlanningContext {

    /** A booking searches 15 business days from its request: 40 calendar days hold them, holidays included. */
    private static final Duration AGENDA_SPAN = Duration.ofDays(40);
    /** Agendas are read a day further than one request needs, so that the later requests of a batch are covered. */
    private static final Duration READ_AHEAD = Duration.ofDays(1);
    /** Sites kept from one transaction to the next at most; a site left out is read again when needed. */
    private static final int SITES_KEPT = 64;
    private static final String SITES = PlanningContext.class.getName() + ".sites";

    /** What the last transaction to commit had read, and the two states of the planning data it matches. */
    private record Kept(Map<String, Site> sites, long changedBefore, long changedBy) {

        boolean matches(long lastChange) {
            return lastChange == changedBefore || lastChange == changedBy;
        }
    }

    private final AtomicReference<Kept> kept = new AtomicReference<>();

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    PlanningLock planningLock;

    @Inject
    EntityManager entityManager;

    /** A site as this transaction's bookings see it; its agendas hold every period overlapping [from, to). */
    static final class Site {

        final String code;
        final List<Technician> technicians;
        private final List<SitePolicy> policies;
        private final Map<String, List<RotaDay>> rotas;
        private final Instant from;
        private final Instant to;
        private final Map<String, List<BusyPeriods.Period>> busy;

        private Site(String code, Instant from, Instant to) {
            this.code = code;
            this.from = from;
            this.to = to;
            policies = SitePolicy.versions(code);
            technicians = Technician.serving(code);
            rotas = new HashMap<>();
            for (Technician technician : technicians) {
                if (code.equals(technician.ossSite)) {
                    rotas.put(technician.id, RotaDay.of(technician.id));
                }
            }
            busy = BusyPeriods.ofTechniciansServing(code, from, to);
        }

        /** The policy in force at the site at an instant, or null when it has none yet. */
        SitePolicy policyAt(Instant at) {
            return SitePolicy.inForceAmong(policies, at);
        }

        /** The rota of the site's on-site technician; empty for a roving technician, who works to none here. */
        List<RotaDay> rota(String technicianId) {
            return rotas.getOrDefault(technicianId, List.of());
        }

        /** The technician's visits and absences in the span read. */
        List<BusyPeriods.Period> busy(String technicianId) {
            return busy.getOrDefault(technicianId, List.of());
        }

        private boolean covers(Instant start, Instant end) {
            return !start.isBefore(from) && !end.isAfter(to);
        }

        private boolean isServedBy(String technicianId) {
            return technicians.stream().anyMatch(t -> t.id.equals(technicianId));
        }
    }

    /** The site, with the agendas from the day before {@code from} over {@link #AGENDA_SPAN}; takes the lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    Site site(String code, Instant from) {
        Instant start = from.minus(Duration.ofDays(1));
        Instant end = from.plus(AGENDA_SPAN);
        Map<String, Site> sites = sites();
        Site site = sites.get(code);
        if (site == null || !site.covers(start, end)) {
            site = new Site(code, start, end.plus(READ_AHEAD));
            sites.put(code, site);
        }
        return site;
    }

    /** A visit this transaction has just booked: added to its technician's agenda at every site read. */
    void booked(Intervention visit) {
        BusyPeriods.Period period = new BusyPeriods.Period(visit.technicianId, visit.id, visit.windowStart,
                visit.windowEnd, visit.siteCode);
        for (Site site : sites().values()) {
            if (site.isServedBy(visit.technicianId)) {
                site.busy.computeIfAbsent(visit.technicianId, id -> new ArrayList<>()).add(period);
            }
        }
    }

    /** An agenda or a technician changed otherwise than by a booking: every site is read again when next needed. */
    void forget() {
        Map<String, Site> sites = current();
        if (sites != null) {
            sites.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Site> current() {
        return (Map<String, Site>) transaction.getResource(SITES);
    }

    /**
     * This transaction's sites; the first time, takes the lock and what the last transaction kept, if the planning
     * data have not changed since. A transaction that took the lock earlier may have changed them since: it sees its
     * own changes in {@code changedBy}, which then matches nothing kept.
     */
    private Map<String, Site> sites() {
        Map<String, Site> sites = current();
        if (sites != null) {
            return sites;
        }
        // Entities loaded before the lock may be stale, and Hibernate hands them back to the site's queries as they
        // are: what this transaction reads is then good enough for itself (as before the lock), not to be kept.
        boolean keepable = !planningLock.isHeld() && managedEntities() == 0;
        PlanningLock.Holding holding = planningLock.take();
        Kept last = kept.getAndSet(null);
        Map<String, Site> taken = last != null && last.matches(holding.changedBy()) ? last.sites()
                : leastRecentlyUsedFirst();
        transaction.putResource(SITES, taken);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (keepable && status == Status.STATUS_COMMITTED) {
                    kept.set(new Kept(taken, holding.changedBy(), holding.takenBy()));
                }
            }
        });
        return taken;
    }

    private long managedEntities() {
        return entityManager.unwrap(SessionImplementor.class).getPersistenceContextInternal()
                .getNumberOfManagedEntities();
    }

    private static Map<String, Site> leastRecentlyUsedFirst() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Site> eldest) {
                return size() > SITES_KEPT;
            }
        };
    }
}
