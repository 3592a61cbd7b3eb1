package org.fieldsupport.survey.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fieldsupport.chassis.problem.DomainProblems;
import org.fieldsupport.survey.answers.SurveyAnswer;
import org.fieldsupport.survey.invitations.Invitations;
import org.fieldsupport.survey.invitations.SurveyConfig;
import org.fieldsupport.survey.invitations.SurveyInvitation;

/** The complementary survey: campaigns, their employees (from a CSV list) and their results. */
@ApplicationScoped
public class Campaigns {

    static final int MAX_QUESTIONS = 10;

    @Inject
    SurveyConfig config;

    @Inject
    Invitations invitations;

    /** One employee of an uploaded list. */
    public record Employee(String employeeId, String site) {
    }

    /** What an upload did. */
    public record Upload(int invited, int alreadyInvited) {
    }

    @Transactional
    public SurveyCampaign create(String name, List<String> questions, Instant opensAt, Instant closesAt, Instant now) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new DomainProblems.InvalidInput("name is required, at most 200 characters.");
        }
        if (questions == null || questions.isEmpty() || questions.size() > MAX_QUESTIONS
                || questions.stream().anyMatch(q -> q == null || q.isBlank() || q.length() > 300 || q.contains("\n"))) {
            throw new DomainProblems.InvalidInput("questions: 1 to " + MAX_QUESTIONS
                    + " questions, each one line of at most 300 characters, each rated 1 to 5.");
        }
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw new DomainProblems.InvalidInput("opensAt and closesAt are required, closesAt after opensAt.");
        }
        SurveyCampaign campaign = new SurveyCampaign();
        campaign.id = UUID.randomUUID();
        campaign.name = name.strip();
        campaign.questions = String.join("\n", questions.stream().map(String::strip).toList());
        campaign.opensAt = opensAt;
        campaign.closesAt = closesAt;
        campaign.createdAt = now;
        campaign.persist();
        return campaign;
    }

    /**
     * Reads a list of employees: one {@code employeeId,site} per line, an optional header line, blank lines ignored.
     * Every line is checked before anything is stored; the errors name their line.
     */
    public List<Employee> parse(String csv) {
        List<Employee> employees = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = (csv == null ? "" : csv).replace("\r", "").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("employeeid"))) {
                continue;
            }
            String[] cells = line.split("[,;]", -1);
            if (cells.length != 2) {
                errors.add("line " + (i + 1) + ": expected employeeId,site");
                continue;
            }
            String employee = cells[0].strip();
            String site = cells[1].strip().toUpperCase(java.util.Locale.ROOT);
            if (!employee.matches("[A-Za-z0-9_-]{1,60}")) {
                errors.add("line " + (i + 1) + ": employeeId must be a pseudonymous id (letters, digits, - or _)");
            } else if (!config.campaign().sites().contains(site)) {
                errors.add("line " + (i + 1) + ": site must be one of " + config.campaign().sites());
            } else {
                employees.add(new Employee(employee, site));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainProblems.InvalidInput("The list was not imported: " + String.join("; ",
                    errors.subList(0, Math.min(errors.size(), 20))) + (errors.size() > 20 ? "; …" : ""));
        }
        if (employees.isEmpty()) {
            throw new DomainProblems.InvalidInput("The list holds no employee.");
        }
        return employees;
    }

    /** Invites each employee once; the links expire when the campaign closes; one reminder halfway. */
    @Transactional
    public Upload invite(UUID campaignId, List<Employee> employees, Instant now) {
        SurveyCampaign campaign = find(campaignId);
        if (!now.isBefore(campaign.closesAt)) {
            throw new DomainProblems.Conflict("campaign-closed", "The campaign closed on " + campaign.closesAt + ".");
        }
        Set<String> seen = new HashSet<>();
        int invited = 0;
        int already = 0;
        Instant start = now.isAfter(campaign.opensAt) ? now : campaign.opensAt;
        Instant reminder = start.plus(Duration.between(start, campaign.closesAt).dividedBy(2));
        for (Employee employee : employees) {
            if (!seen.add(employee.employeeId()) || SurveyInvitation.count("campaignId = ?1 and employeeId = ?2",
                    campaignId, employee.employeeId()) > 0) {
                already++;
                continue;
            }
            invitations.issue(SurveyInvitation.CAMPAIGN, null, campaignId, employee.site(), employee.employeeId(),
                    campaign.opensAt, now, campaign.closesAt, reminder);
            invited++;
        }
        return new Upload(invited, already);
    }

    @Transactional
    public CampaignResults results(UUID campaignId, long minimumN) {
        SurveyCampaign campaign = find(campaignId);
        List<CampaignResults.Invited> invited = new ArrayList<>();
        for (SurveyInvitation invitation : SurveyInvitation.<SurveyInvitation> list("campaignId", campaignId)) {
            SurveyAnswer answer = invitation.answeredAt == null ? null : SurveyAnswer.findById(invitation.id);
            invited.add(new CampaignResults.Invited(invitation.site, answer == null ? null : answer.ratingList()));
        }
        return CampaignResults.of(campaign.id, campaign.name, campaign.opensAt, campaign.closesAt,
                campaign.questionList(), config.campaign().sites(), invited, minimumN);
    }

    @Transactional
    public List<SurveyCampaign> all() {
        return SurveyCampaign.list("order by opensAt, id");
    }

    private static SurveyCampaign find(UUID id) {
        SurveyCampaign campaign = SurveyCampaign.findById(id);
        if (campaign == null) {
            throw new DomainProblems.NotFound("No campaign " + id + ".");
        }
        return campaign;
    }
}
