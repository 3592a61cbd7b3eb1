package org.fieldsupport.survey.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fieldsupport.survey.kpis.Proportion;

/**
 * A campaign's results per site, apart from the per-intervention surveys: who was invited and answered, and per
 * question the number of ratings, their mean and the share satisfied (4–5 of 5) with its 95% Wilson interval.
 */
public record CampaignResults(UUID id, String name, Instant opensAt, Instant closesAt, List<String> questions,
        List<SiteResults> sites) {

    public record SiteResults(String site, long invited, long answered, Proportion responseRate,
            List<QuestionResult> questions) {
    }

    public record QuestionResult(String question, long n, Double mean, Proportion satisfied) {
    }

    /** One invited employee of the campaign: their site and, if they answered, their ratings in question order. */
    public record Invited(String site, List<Integer> ratings) {
    }

    public static CampaignResults of(UUID id, String name, Instant opensAt, Instant closesAt, List<String> questions,
            List<String> sites, List<Invited> invited, long minimumN) {
        List<SiteResults> results = new ArrayList<>();
        for (String site : sites) {
            List<Invited> here = invited.stream().filter(i -> site.equals(i.site())).toList();
            List<List<Integer>> answers = here.stream().map(Invited::ratings).filter(r -> r != null).toList();
            List<QuestionResult> perQuestion = new ArrayList<>();
            for (int q = 0; q < questions.size(); q++) {
                int index = q;
                List<Integer> ratings = answers.stream().filter(r -> r.size() > index).map(r -> r.get(index)).toList();
                long satisfied = ratings.stream().filter(r -> r >= 4).count();
                Double mean = ratings.isEmpty() ? null
                        : Math.round(ratings.stream().mapToInt(Integer::intValue).average().orElseThrow() * 100)
                                / 100.0;
                perQuestion.add(new QuestionResult(questions.get(q), ratings.size(), mean,
                        Proportion.of(satisfied, ratings.size(), minimumN)));
            }
            results.add(new SiteResults(site, here.size(), answers.size(),
                    Proportion.of(answers.size(), here.size(), minimumN), perQuestion));
        }
        return new CampaignResults(id, name, opensAt, closesAt, questions, results);
    }
}
