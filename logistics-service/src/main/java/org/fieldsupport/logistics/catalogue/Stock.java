package org.fieldsupport.logistics.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.fieldsupport.chassis.outbox.DomainEvent;

/**
 * Takes units out of stock and puts them back. A reservation locks the stock row ({@code select ... for update}) and
 * re-reads it after any concurrent reservation committed, so two shipments never take the last unit; the database
 * also refuses a negative level. Crossing the low-stock threshold downwards publishes {@link StockLow} once.
 */
@ApplicationScoped
public class Stock {

    @ConfigProperty(name = "logistics.stock.low-threshold")
    int defaultLowThreshold;

    /** A unit taken out of one location, and the events the reservation caused. */
    public record Reservation(String locationId, List<DomainEvent> events) {
    }

    /** One unit of {@code item} from the site's own stock, if it has one left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Reservation> reserveAtSite(String site, String item, Instant at) {
        StockLevel level = StockLevel.<StockLevel> find(
                "site = ?1 and itemCode = ?2 and locationKind = ?3 and available > 0 order by locationId", site,
                item, LocationKind.SITE_STOCK).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return Optional.ofNullable(level).map(l -> take(l, at));
    }

    /** One unit of {@code item} from a central warehouse, if any has one left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Reservation> reserveCentral(String item, Instant at) {
        StockLevel level = StockLevel.<StockLevel> find(
                "itemCode = ?1 and locationKind = ?2 and available > 0 order by available desc, locationId", item,
                LocationKind.CENTRAL_WAREHOUSE).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return Optional.ofNullable(level).map(l -> take(l, at));
    }

    /** A unit comes back to where it was taken from (a failed delivery, an expired locker pickup). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void putBack(String locationId, String item) {
        StockLevel level = StockLevel.findById(new StockLevel.Key(locationId, item), LockModeType.PESSIMISTIC_WRITE);
        if (level == null) {
            return;
        }
        level.available++;
        if (level.available > threshold(level)) {
            level.lowReported = false;
        }
    }

    private Reservation take(StockLevel level, Instant at) {
        level.available--;
        List<DomainEvent> events = new ArrayList<>();
        int threshold = threshold(level);
        if (level.available <= threshold && !level.lowReported) {
            level.lowReported = true;
            events.add(new StockLow(1, level.locationId, level.locationKind, level.site, level.itemCode,
                    level.available, threshold, at));
        }
        return new Reservation(level.locationId, events);
    }

    int threshold(StockLevel level) {
        return level.lowThreshold != null ? level.lowThreshold : defaultLowThreshold;
    }
}
