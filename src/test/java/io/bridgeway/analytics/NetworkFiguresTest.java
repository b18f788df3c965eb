package io.bridgeway.analytics;

import static io.bridgeway.analytics.UnmatchedReasons.MENTORS_FULL;
import static io.bridgeway.analytics.UnmatchedReasons.NO_ALLOWED_MENTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.analytics.Facts.Answer;
import io.bridgeway.analytics.Facts.Circle;
import io.bridgeway.analytics.Facts.Pair;
import io.bridgeway.analytics.Facts.Participant;
import io.bridgeway.analytics.Facts.Round;
import io.bridgeway.analytics.Facts.Unmatched;
import io.bridgeway.analytics.NetworkFigures.FeedbackRow;
import io.bridgeway.analytics.NetworkFigures.GroupRow;
import io.bridgeway.analytics.NetworkFigures.LoadBin;
import io.bridgeway.analytics.NetworkFigures.RoundReach;
import io.bridgeway.analytics.NetworkFigures.RoundRepeats;
import io.bridgeway.analytics.NetworkFigures.TieCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two rounds among Sales (s1-s5, Senior, Berlin), Finance (f1-f5, Associate, f1-f3 Berlin, f4-f5 Lisbon) and Legal
 * (l1-l2, Senior, Lisbon; l2 not signed up). Every expected number was counted by hand from the rounds below.
 */
class NetworkFiguresTest {

    static Facts facts() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            people.add(new Participant("s" + i, "Sales", "Senior", "Berlin", true));
            people.add(new Participant("f" + i, "Finance", "Associate", i <= 3 ? "Berlin" : "Lisbon", true));
        }
        people.add(new Participant("l1", "Legal", "Senior", "Lisbon", true));
        people.add(new Participant("l2", "Legal", "Senior", "Lisbon", false));
        Round first = new Round("Round 1", List.of("s1", "s2", "s3", "s4", "s5", "f1", "f2", "f3", "f4", "f5", "l1"),
                List.of("s1", "s2", "s3"), List.of(new Pair("s1", "f1"), new Pair("s1", "f2"), new Pair("s2", "f3")),
                List.of(new Circle(0, List.of("s4", "s5", "l1"))),
                List.of(new Unmatched("f4", NO_ALLOWED_MENTOR), new Unmatched("f5", MENTORS_FULL)));
        Round second = new Round("Round 2", people.stream().map(Participant::id).toList(), List.of("s1", "s2"),
                List.of(new Pair("s1", "f1"), new Pair("s2", "f4"), new Pair("s2", "f5")),
                List.of(new Circle(0, List.of("s4", "l1", "l2")), new Circle(0, List.of("s5", "f3")),
                        new Circle(1, List.of("s4", "s5")), new Circle(1, List.of("l1", "f3"))),
                List.of(new Unmatched("f2", MENTORS_FULL)));
        List<Answer> answers = List.of(new Answer("s1", true, 4), new Answer("s2", true, 5), new Answer("s4", false, null),
                new Answer("s5", true, 3), new Answer("f1", true, 2), new Answer("l1", true, 5),
                new Answer("f2", false, null), new Answer("f3", true, 4), new Answer("f4", true, 4),
                new Answer("f5", true, 3), new Answer("f1", true, 4));
        return new Facts(people, List.of(first, second), answers);
    }

    final NetworkFigures figures = NetworkFigures.compute(facts());

    @Test
    void participationCountsSignedUpMatchedAndUnmatchedWithReasons() {
        assertEquals(new NetworkFigures.Totals(2, 12, 11, 11, 3), figures.totals());
        assertEquals(Map.of(NO_ALLOWED_MENTOR, 1, MENTORS_FULL, 2), figures.unmatchedReasons());
        assertEquals(List.of(
                new GroupRow("Finance", false, 5, 5, 5, 3, Map.of(MENTORS_FULL, 2, NO_ALLOWED_MENTOR, 1)),
                new GroupRow("Legal", true, null, null, null, null, null),
                new GroupRow("Sales", false, 5, 5, 4, 0, Map.of())), figures.byDepartment());
        assertEquals(List.of(
                new GroupRow("Associate", false, 5, 5, 5, 3, Map.of(MENTORS_FULL, 2, NO_ALLOWED_MENTOR, 1)),
                new GroupRow("Senior", false, 7, 6, 6, 0, Map.of())), figures.byLevel());
        assertEquals(List.of(
                new GroupRow("Berlin", false, 8, 8, 7, 1, Map.of(MENTORS_FULL, 1)),
                new GroupRow("Lisbon", true, null, null, null, null, null)), figures.byOffice());
    }

    @Test
    void groupsBelowFivePeopleAreSuppressedInEveryCrossTable() {
        assertEquals(List.of("Finance / Associate", "Legal / Senior", "Sales / Senior"),
                figures.byDepartmentAndLevel().stream().map(GroupRow::group).toList());
        GroupRow legalSenior = figures.byDepartmentAndLevel().get(1);
        assertTrue(legalSenior.suppressed());
        assertNull(legalSenior.people());
        assertNull(legalSenior.unmatchedReasons());
        assertTrue(figures.byDepartmentAndLevel().stream().filter(row -> row != legalSenior).noneMatch(GroupRow::suppressed));
    }

    @Test
    void crossDepartmentTiesAreDistinctPeopleAcrossPairsAndCircles() {
        // Sales-Finance: s1f1 s1f2 s2f3 s2f4 s2f5 s5f3; Sales-Legal: s4l1 s5l1 s4l2; Finance-Legal: f3l1
        assertEquals(10, figures.crossDepartment().ties());
        assertEquals(3, figures.crossDepartment().departmentPairsBridged());
        assertEquals(3, figures.crossDepartment().departmentPairs());
        assertEquals(List.of(new TieCell("Finance", "Legal", true, null), new TieCell("Finance", "Sales", false, 6),
                new TieCell("Legal", "Sales", true, null)), figures.crossDepartment().matrix());
    }

    @Test
    void peopleWithoutCrossDepartmentTieBeforeAndAfterEachRound() {
        assertEquals(List.of(new RoundReach("Round 1", 12, 12, 4), new RoundReach("Round 2", 12, 4, 1)),
                figures.withoutCrossTie());
    }

    @Test
    void mentorLoadIsAHistogramOfMenteesPerMentorAndRound() {
        assertEquals(List.of(new LoadBin(0, 1), new LoadBin(1, 2), new LoadBin(2, 2)), figures.mentorLoad());
    }

    @Test
    void feedbackOutcomesByDepartmentAndLevel() {
        assertFalse(figures.feedback().suppressed());
        assertEquals(10, figures.feedback().respondents());
        assertEquals(11, figures.feedback().answers());
        assertEquals(0.818, figures.feedback().meetingRate());
        assertEquals(3.78, figures.feedback().averageRating());
        assertEquals(List.of(new FeedbackRow("Finance", false, 5, 6, 0.833, 3.4),
                new FeedbackRow("Legal", true, null, null, null, null),
                new FeedbackRow("Sales", true, null, null, null, null)), figures.feedback().byDepartment());
        assertEquals(List.of(new FeedbackRow("Associate", false, 5, 6, 0.833, 3.4),
                new FeedbackRow("Senior", false, 5, 5, 0.8, 4.25)), figures.feedback().byLevel());
    }

    @Test
    void oneAnswerShowsNoOverallFigureThatWouldBeItsRating() {
        NetworkFigures one = NetworkFigures.compute(new Facts(facts().participants(), List.of(),
                List.of(new Answer("s1", true, 2))));
        assertTrue(one.feedback().suppressed());
        assertNull(one.feedback().respondents());
        assertNull(one.feedback().answers());
        assertNull(one.feedback().meetingRate());
        assertNull(one.feedback().averageRating());
        assertEquals(List.of(new FeedbackRow("Sales", true, null, null, null, null)), one.feedback().byDepartment());
        assertEquals(List.of(List.of("< 5", "< 5", "< 5", "< 5")),
                AnalyticsTables.find(one, "feedback").orElseThrow().rows());
    }

    @Test
    void aHiddenGroupCannotBeDerivedByTakingTheShownOnesFromTheTotal() {
        // Sales: 5 people answer (and one of them twice), Legal: l1 alone; the total is shown, so Legal's rating
        // would be the total minus Sales: Sales, the next-smallest group, is hidden too
        List<Answer> answers = new ArrayList<>(List.of(new Answer("l1", true, 1), new Answer("s1", true, 5)));
        for (int i = 1; i <= 5; i++) {
            answers.add(new Answer("s" + i, true, 5));
        }
        NetworkFigures.Feedback feedback = NetworkFigures.compute(new Facts(facts().participants(), List.of(), answers))
                .feedback();
        assertEquals(6, feedback.respondents());
        assertEquals(4.43, feedback.averageRating());
        assertEquals(List.of(new FeedbackRow("Legal", true, null, null, null, null),
                new FeedbackRow("Sales", true, null, null, null, null)), feedback.byDepartment());
        assertEquals(List.of(new FeedbackRow("Senior", false, 6, 7, 1.0, 4.43)), feedback.byLevel(),
                "one group, the total itself: nothing to derive");
    }

    @Test
    void complementarySuppressionTakesTheNextSmallestAndOnlyWhenOneGroupIsHidden() {
        assertEquals(Set.of("C", "B"), NetworkFigures.hiddenGroups(Map.of("A", 9, "B", 6, "C", 1, "D", 7), true));
        assertEquals(Set.of("A", "C"), NetworkFigures.hiddenGroups(Map.of("A", 6, "B", 6, "C", 1), true),
                "a tie goes by name");
        assertEquals(Set.of("B", "C"), NetworkFigures.hiddenGroups(Map.of("A", 9, "B", 2, "C", 1), true),
                "two hidden already: the shown ones give only their sum");
        assertEquals(Set.of("C"), NetworkFigures.hiddenGroups(Map.of("A", 9, "C", 1), false),
                "no total shown, nothing to subtract from");
        assertEquals(Set.of(), NetworkFigures.hiddenGroups(Map.of("A", 9, "B", 5), true));
    }

    @Test
    void repeatsCountWhoCouldHaveMetAgainAndWhoDid() {
        // round 2: earlier pairs s1f1 s1f2 s2f3 all back (3), s1f1 again; meeting 0 seats s4 s5 l1 (3 earlier), s4l1
        // again; meeting 1 seats s4 s5 l1 f3 (s4s5 s4l1 s5l1 s5f3), s4s5 again
        assertEquals(List.of(new RoundRepeats("Round 1", 0, 0, 0), new RoundRepeats("Round 2", 10, 3, 7)),
                figures.repeats());
    }

    @Test
    void noRoundsGiveEmptyFiguresNotErrors() {
        NetworkFigures empty = NetworkFigures.compute(new Facts(facts().participants(), List.of(), List.of()));
        assertEquals(0, empty.totals().matched());
        assertTrue(empty.mentorLoad().isEmpty());
        assertNull(empty.feedback().meetingRate());
        assertNull(empty.feedback().averageRating());
    }

    @Test
    void reasonsFallIntoCategories() {
        assertEquals(NO_ALLOWED_MENTOR, UnmatchedReasons.category("no allowed mentor: of 3 mentors, 3 is not senior enough"));
        assertEquals(MENTORS_FULL, UnmatchedReasons.category("every allowed mentor is full; 1 slot hold a pair worth less"));
        assertEquals(UnmatchedReasons.BY_MANAGER, UnmatchedReasons.category("Unpaired from Ann by pm@x."));
        assertEquals(UnmatchedReasons.OTHER, UnmatchedReasons.category(null));
    }
}
