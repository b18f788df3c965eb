package io.bridgeway.feedback;

import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The surveys a person answered or has pending, with their own answers only, for "Download my data". */
@ApplicationScoped
public class FeedbackData implements PersonDataSection {

    public record SurveyJson(String programme, int round, String about, Instant dueAt, Boolean met, Integer rating,
            String comment, Boolean wouldContinue, Instant answeredAt) {
    }

    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public List<SurveyJson> dataOf(Person person) {
        return Survey.<Survey>list("person = ?1 order by dueAt, id", person).stream()
                .map(s -> new SurveyJson(s.round.program.name, s.round.number, Surveys.about(s), s.dueAt, s.met,
                        s.rating, s.comment, s.wouldContinue, s.answeredAt))
                .toList();
    }
}
