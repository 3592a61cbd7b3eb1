package org.fieldsupport.dispatch.travel;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.fieldsupport.dispatch.interventions.Intervention;
import org.fieldsupport.dispatch.policies.SitePolicy;
import org.fieldsupport.dispatch.technicians.Technician;

/** A visit's share of its day's trip, when the technician does not declare the kilometres. */
@ApplicationScoped
public class TripEstimates {

    /**
     * The visit's share of the technician's trip that day: base, the sites of the day's visits in order, base,
     * divided by the day's visits away from the technician's own site. A visit at the on-site technician's own site
     * drives nothing.
     */
    public double shareOf(Intervention visit) {
        Technician technician = Technician.findById(visit.technicianId);
        if (visit.siteCode.equals(technician.ossSite)) {
            return 0;
        }
        SitePolicy policy = SitePolicy.inForce(visit.siteCode, visit.windowStart);
        LocalDate day = policy.hours().calendar().dateOf(visit.windowStart);
        List<Intervention> away = Intervention.ofTechnicianDay(technician.id, policy.hours().calendar().startOf(day),
                policy.hours().calendar().startOf(day.plusDays(1))).stream()
                .filter(v -> !v.siteCode.equals(technician.ossSite)).toList();
        List<Trips.Place> stops = away.stream().map(v -> {
            SitePolicy site = SitePolicy.inForce(v.siteCode, v.windowStart);
            return new Trips.Place(site.latitude, site.longitude);
        }).toList();
        double km = Trips.tripKm(new Trips.Place(technician.baseLatitude, technician.baseLongitude), stops);
        return Trips.share(km, away.size());
    }
}
