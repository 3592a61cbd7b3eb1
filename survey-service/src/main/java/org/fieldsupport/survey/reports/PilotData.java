package org.fieldsupport.survey.reports;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fieldsupport.survey.invitations.SurveyInvitation;
import org.fieldsupport.survey.kpis.SurveyOutcome;
import org.fieldsupport.survey.pilot.PilotEvent;
import org.fieldsupport.survey.pilot.PilotFacts;

/**
 * What the figures are computed from, read in one transaction: the recorded events and the per-intervention
 * invitations with their ratings, of the sites asked for only. A site's figures read nothing of another site, and a
 * historical import of many sites keeps every site's year in the same table (benchmark scenario 4: 100 sites, about
 * 280,000 events, read whole by each question about one site before).
 */
@ApplicationScoped
public class PilotData {

    @Inject
    PilotFacts facts;

    public record Snapshot(List<PilotEvent> events, List<SurveyOutcome> surveys) {
    }

    @Transactional
    public Snapshot read(Collection<String> sites) {
        List<Object[]> rows = SurveyInvitation.getEntityManager().createQuery(
                "select i.site, i.referenceAt, a.rating from SurveyInvitation i "
                        + "left join SurveyAnswer a on a.invitationId = i.id where i.kind = :kind and i.site in :sites",
                Object[].class)
                .setParameter("kind", SurveyInvitation.INTERVENTION)
                .setParameter("sites", sites)
                .getResultList();
        List<SurveyOutcome> surveys = rows.stream()
                .map(r -> new SurveyOutcome((String) r[0], (Instant) r[1], (Integer) r[2])).toList();
        return new Snapshot(facts.of(sites), surveys);
    }
}
