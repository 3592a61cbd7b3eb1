package org.fieldsupport.survey.invitations;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Issues due invitations and reminders at the injected clock's time; off in tests, which call the service directly. */
@ApplicationScoped
public class InvitationScheduler {

    @Inject
    Invitations invitations;

    @Inject
    Clock clock;

    @Scheduled(every = "${survey.scheduler.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        invitations.issueDue(clock.instant());
        invitations.sendReminders(clock.instant());
    }
}
