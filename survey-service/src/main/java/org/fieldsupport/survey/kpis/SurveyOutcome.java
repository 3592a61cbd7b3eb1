package org.fieldsupport.survey.kpis;

import java.time.Instant;

/**
 * One per-intervention survey invitation as the KPIs see it: its site, the business time of what it asks about
 * (the completed intervention or delivery: it decides the month) and the rating given, or null while unanswered.
 */
public record SurveyOutcome(String site, Instant referenceAt, Integer rating) {
}
