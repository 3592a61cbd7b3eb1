package org.fieldsupport.survey.invitations;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The survey rules: data and configuration, never code (DESIGN §1). */
@ConfigMapping(prefix = "survey")
public interface SurveyConfig {

    /** Where the employee's form is reached from outside: the one-time link is this plus /surveys/{token}. */
    String publicBaseUrl();

    Invitation invitation();

    Campaign campaign();

    Scheduler scheduler();

    interface Scheduler {
        /** How often due invitations and reminders are issued. */
        @WithDefault("60s")
        String every();
    }

    interface Invitation {
        /** How long after the intervention or delivery the invitation is issued. */
        @WithDefault("PT2H")
        Duration delay();

        /** Share of eligible tickets invited, 0 to 1; drawn from the ticket id and the seed, so replays agree. */
        @WithDefault("1.0")
        double samplingRate();

        @WithDefault("pilot")
        String samplingSeed();

        /** No second invitation to the same employee for an intervention or delivery this close to the last one. */
        @WithDefault("P30D")
        Duration quietPeriod();

        /** How long a link stays valid after it is issued. */
        @WithDefault("P14D")
        Duration expiry();

        /** When the one reminder is due after the invitation, if still unanswered. */
        @WithDefault("P5D")
        Duration reminderAfter();

        /** Intervention kinds that earn a survey. */
        @WithDefault("ON_SITE,MEETING_ROOM")
        List<String> afterInterventionKinds();

        /** Intervention outcomes that do not: the employee was not there. */
        @WithDefault("NO_SHOW")
        List<String> skippedOutcomes();

        /** Whether a delivered accessory earns a survey. */
        @WithDefault("true")
        boolean afterDeliveredAccessory();
    }

    interface Campaign {
        /** Sites a complementary campaign may invite. */
        @WithDefault("NANCY,STRASBOURG")
        List<String> sites();
    }
}
