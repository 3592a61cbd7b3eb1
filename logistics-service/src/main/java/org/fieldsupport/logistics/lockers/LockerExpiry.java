package org.fieldsupport.logistics.lockers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.fieldsupport.chassis.outbox.DomainEvent;
import org.fieldsupport.chassis.outbox.Outbox;

/** Regularly takes expired pickups back to stock ({@code logistics.lockers.expiry-check}). */
@ApplicationScoped
public class LockerExpiry {

    @Inject
    Lockers lockers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Scheduled(every = "${logistics.lockers.expiry-check}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        sweep(clock.instant());
    }

    /** Expires what is due at {@code now}, in one transaction; returns the number of events published. */
    public int sweep(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<DomainEvent> events = lockers.expire(now);
            outbox.appendAll(events);
            return events.size();
        });
    }
}
