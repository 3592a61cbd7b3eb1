package org.fieldsupport.dispatch.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.quarkus.hibernate.orm.panache.Panache;

import org.fieldsupport.dispatch.interventions.InterventionStatus;

/**
 * What a booking needs of its candidates' agendas: the live visits and the absences of the technicians serving the
 * site over a span, in one query of plain values. Read as two HQL queries they were a fifth of a booking's time, most
 * of it Hibernate's cost per query rather than rows (most candidates have no absence).
 */
final class BusyPeriods {

    /** A live visit (with its id and site), or an absence (both null). */
    record Period(String technicianId, UUID visitId, Instant start, Instant end, String site) {
        boolean isAbsence() {
            return visitId == null;
        }
    }

    private static final String SERVING = "(select t.id from technician t where :site = any(t.sites))";
    private static final String SQL = "select i.technician_id, i.id as visit_id, i.window_start as starts_at,"
            + " i.window_end as ends_at, i.site_code from intervention i"
            + " where i.technician_id in " + SERVING + " and i.status in (:scheduled, :started)"
            + " and i.window_start < :to and i.window_end > :from"
            + " union all"
            + " select a.technician_id, null, a.starts_at, a.ends_at, null from absence a"
            + " where a.technician_id in " + SERVING + " and a.starts_at < :to and a.ends_at > :from";

    private BusyPeriods() {
    }

    /**
     * By technician, in lists open to additions: visits overlapping [from, to) that are scheduled or started, and
     * absences overlapping it.
     */
    static Map<String, List<Period>> ofTechniciansServing(String site, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = Panache.getEntityManager().createNativeQuery(SQL).unwrap(NativeQuery.class);
        List<Object[]> rows = query
                .addScalar("technician_id", StandardBasicTypes.STRING)
                .addScalar("visit_id", StandardBasicTypes.UUID)
                .addScalar("starts_at", StandardBasicTypes.INSTANT)
                .addScalar("ends_at", StandardBasicTypes.INSTANT)
                .addScalar("site_code", StandardBasicTypes.STRING)
                .setParameter("site", site)
                .setParameter("scheduled", InterventionStatus.SCHEDULED.name())
                .setParameter("started", InterventionStatus.STARTED.name())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return rows.stream()
                .map(r -> new Period((String) r[0], (UUID) r[1], (Instant) r[2], (Instant) r[3], (String) r[4]))
                .collect(Collectors.groupingBy(Period::technicianId, Collectors.toCollection(ArrayList::new)));
    }
}
