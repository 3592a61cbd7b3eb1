package org.fieldsupport.dispatch.rooms;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Plans the current month's room checks of every site, site by site, every {@code dispatch.room-checks.every}. */
@ApplicationScoped
public class MonthlyRoomCheckPlanning {

    private static final Logger LOG = Logger.getLogger(MonthlyRoomCheckPlanning.class);

    @Inject
    RoomChecks roomChecks;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dispatch.time-zone")
    ZoneId zone;

    @Scheduled(every = "${dispatch.room-checks.every}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void planCurrentMonth() {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(zone));
        List<String> sites = QuarkusTransaction.requiringNew().call(MeetingRoom::sitesWithActiveRooms);
        for (String site : sites) {
            try {
                QuarkusTransaction.requiringNew().run(() -> roomChecks.plan(site, month, now));
            } catch (RuntimeException e) {
                // A concurrent booking on the same technicians, or a site without policy: the next run retries.
                LOG.warnf("Room checks of %s for %s not planned this time: %s", site, month, e.getMessage());
            }
        }
    }
}
