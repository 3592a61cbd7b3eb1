package org.fieldsupport.survey.reports;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fieldsupport.survey.invitations.SurveyInvitation;
import org.fieldsupport.survey.kpis.SurveyOutcome;
import org.fieldsupport.survey.pilot.PilotEvent;
import org.fieldsupport.survey.pilot.PilotFacts;

/**
 * What one site's figures are computed from, read in one transaction: its recorded events and its per-intervention
 * invitations with their ratings. A question about several sites reads them one after the other, so that what it holds
 * in memory is one site's, not every site's: a historical import of many sites keeps every site's year in the same
 * table (benchmark scenario 4: 100 sites, about 280,000 events; with 20 sites read at once, survey-service ended the
 * replay at 372 MB).
 */
@ApplicationScoped
public class PilotData {

    @Inject
    PilotFacts facts;

    public record Snapshot(List<PilotEvent> events, List<SurveyOutcome> surveys) {
    }

    @Transactional
    public Snapshot read(String site) {
        List<Object[]> rows = SurveyInvitation.getEntityManager().createQuery(
                "select i.site, i.referenceAt, a.rating from SurveyInvitation i "
                        + "left join SurveyAnswer a on a.invitationId = i.id where i.kind = :kind and i.site = :site",
                Object[].class)
                .setParameter("kind", SurveyInvitation.INTERVENTION)
                .setParameter("site", site)
                .getResultList();
        List<SurveyOutcome> surveys = rows.stream()
                .map(r -> new SurveyOutcome((String) r[0], (Instant) r[1], (Integer) r[2])).toList();
        return new Snapshot(facts.of(site), surveys);
    }
}
