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
 * What the figures are computed from, read in one transaction: every recorded event and every per-intervention
 * invitation with its rating. The pilot's volume (a few thousand events over three months) is read whole.
 */
@ApplicationScoped
public class PilotData {

    @Inject
    PilotFacts facts;

    public record Snapshot(List<PilotEvent> events, List<SurveyOutcome> surveys) {
    }

    @Transactional
    public Snapshot read() {
        List<Object[]> rows = SurveyInvitation.getEntityManager().createQuery(
                "select i.site, i.referenceAt, a.rating from SurveyInvitation i "
                        + "left join SurveyAnswer a on a.invitationId = i.id where i.kind = :kind",
                Object[].class).setParameter("kind", SurveyInvitation.INTERVENTION).getResultList();
        List<SurveyOutcome> surveys = rows.stream()
                .map(r -> new SurveyOutcome((String) r[0], (Instant) r[1], (Integer) r[2])).toList();
        return new Snapshot(facts.all(), surveys);
    }
}
