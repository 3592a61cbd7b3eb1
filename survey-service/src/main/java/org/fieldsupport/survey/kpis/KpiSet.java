package org.fieldsupport.survey.kpis;

import java.time.YearMonth;

/**
 * One site's figures over a run of months (one month, or the whole pilot). Every field is defined in
 * {@link KpiDefinitions}; counts are exact, shares come with their n and 95% Wilson interval, durations are business
 * hours of the site.
 */
public record KpiSet(String site, YearMonth fromMonth, YearMonth toMonth, long businessDays, long tickets,
        long escalated, long resolved, Proportion resolvedRemotely, long onSiteInterventions,
        long meetingRoomInterventions, Double onSitePerBusinessDay, Proportion onTime,
        Distribution timeToInterventionHours, long shipmentsDispatched, long headsetsDispatched,
        long shipmentsDelivered, long shipmentsFailed, Distribution headsetLeadTimeHours,
        Distribution otherAccessoryLeadTimeHours, long returnsRequested, long returnsReceived,
        long allocationsPrepared, long lockerDeposits, long lockerCollections, long roomsChecked, Long roomsDue,
        double technicianKm, double technicianCo2eKg, long parcels, double parcelCo2eKg, long surveyInvitations,
        long surveyAnswers, Proportion responseRate, Proportion satisfied) {
}
