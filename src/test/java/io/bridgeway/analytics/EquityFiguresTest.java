package io.bridgeway.analytics;

import static io.bridgeway.analytics.UnmatchedReasons.MENTORS_FULL;
import static io.bridgeway.analytics.UnmatchedReasons.NO_ALLOWED_MENTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.analytics.Facts.Circle;
import io.bridgeway.analytics.Facts.Pair;
import io.bridgeway.analytics.Facts.Participant;
import io.bridgeway.analytics.Facts.Round;
import io.bridgeway.analytics.Facts.Seeker;
import io.bridgeway.analytics.Facts.Unmatched;
import io.bridgeway.analytics.UnderConnected.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The under-connected and the outcome figures on two rounds between departments A (a1-a7) and B (b1-b7); a1 and b1
 * mentor. Every expected number was counted by hand from the rounds below (ties after round 1: a1-b2, a1-b3, b1-a2,
 * a4-b6).
 */
class EquityFiguresTest {

    static Seeker mentee(String id, int waited, boolean hadAllowedMentor) {
        return new Seeker(id, true, false, waited, hadAllowedMentor);
    }

    static Seeker circleMember(String id) {
        return new Seeker(id, false, true, 0, null);
    }

    static List<String> present(List<Seeker> seekers) {
        return Stream.concat(Stream.of("a1", "b1"), seekers.stream().map(Seeker::person)).toList();
    }

    static Facts facts() {
        List<Participant> people = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            people.add(new Participant("a" + i, "A", "Senior", "Berlin", true));
            people.add(new Participant("b" + i, "B", "Senior", "Berlin", true));
        }
        List<Seeker> first = List.of(mentee("a2", 0, true), mentee("a3", 0, true), mentee("b2", 0, true),
                mentee("b3", 0, true), mentee("b4", 0, false), mentee("b5", 0, true), circleMember("a4"),
                circleMember("a5"), circleMember("a6"), circleMember("b6"));
        Round one = new Round("Round 1", present(first), List.of("a1", "b1"),
                List.of(new Pair("a1", "b2", 30L), new Pair("a1", "b3", 10L), new Pair("b1", "a2", 20L)),
                List.of(new Circle(0, List.of("a4", "b6")), new Circle(0, List.of("a5", "a6"))),
                List.of(new Unmatched("a3", MENTORS_FULL), new Unmatched("b4", NO_ALLOWED_MENTOR),
                        new Unmatched("b5", MENTORS_FULL)), first);
        // a3 and b5 waited a round (they had an allowed mentor); b4 had none, so the waiting count stays 0
        List<Seeker> second = List.of(mentee("a2", 0, true), mentee("a3", 1, true), mentee("b2", 0, true),
                mentee("b3", 0, true), mentee("b4", 0, false), mentee("b5", 1, true), mentee("a7", 0, true),
                circleMember("a4"), circleMember("a5"), circleMember("a6"), circleMember("b6"), circleMember("b7"));
        Round two = new Round("Round 2", present(second), List.of("a1", "b1"),
                List.of(new Pair("a1", "b5", 25L), new Pair("b1", "a3", 15L), new Pair("b1", "a7", 5L),
                        new Pair("a1", "b2", 40L)),
                List.of(new Circle(0, List.of("a5", "b7")), new Circle(0, List.of("a4", "a6", "b6"))),
                List.of(new Unmatched("b4", NO_ALLOWED_MENTOR), new Unmatched("a2", MENTORS_FULL),
                        new Unmatched("b3", MENTORS_FULL)), second);
        return new Facts(people, List.of(one, two), List.of());
    }

    final NetworkFigures figures = NetworkFigures.compute(facts());

    @Test
    void theUnderConnectedAreMatchedRatedAndWaitedRoundByRound() {
        assertEquals(List.of(
                // round 1: nobody had a tie yet; matched a2 b2 b3 (pairs 20, 30, 10) and the 4 circle members
                new Row("Round 1", UnderConnected.GROUP, false, 10, 7, 0.7, 3, 20.0, 6, 0.0, 0, 3, 0.0),
                new Row("Round 1", UnderConnected.OTHERS, true, null, null, null, null, null, null, null, null, null, null),
                // round 2: a3 b4 b5 a7 a5 a6 b7; all but b4 matched; a3 (15) b5 (25) a7 (5) got their first mentor
                new Row("Round 2", UnderConnected.GROUP, false, 7, 6, 0.857, 3, 15.0, 4, 0.5, 1, 3, 0.67),
                // round 2: a2 b2 b3 a4 b6; b2 paired again (40), a4 and b6 in a circle
                new Row("Round 2", UnderConnected.OTHERS, false, 5, 3, 0.6, 1, 40.0, 3, 0.0, 0, 0, null)),
                figures.underConnected());
    }

    @Test
    void outcomesAreTheSimulationsFiguresForTheRealRounds() {
        assertEquals(List.of(
                // 12 people so far; ties a1:2, b1 b2 b3 a2 a4 b6: 1, a3 b4 b5 a5 a6: 0 -> 8 / 12
                new Outcomes.Figures("Round 1", 3, 6, 3, 1, 0, 12, 5, 0.67, 0.0, 1, 1, 4, 0.0),
                // + a7 b7; a1 b1: 3, b6: 2, b4: 0, the other 10: 1 -> 18 / 14; lowest two: 0 and 1
                new Outcomes.Figures("Round 2", 4, 7, 1, 1, 0, 14, 1, 1.29, 0.143, 1, 1, 9, 0.5)),
                figures.outcomes());
    }

    @Test
    void tablesWriteTheFiguresAsTheReportDoesAndSuppressSmallGroups() {
        AnalyticsTables.Table outcomes = AnalyticsTables.find(figures, "outcomes").orElseThrow();
        assertEquals(AnalyticsTables.OUTCOME_HEADERS, outcomes.headers());
        assertEquals(List.of("Round 2", "4 / 7", "1", "1", "0", "1 of 14", "1.29", "14.3%", "1 of 1", "9", "0.50"),
                outcomes.rows().get(1));
        AnalyticsTables.Table under = AnalyticsTables.find(figures, "under-connected").orElseThrow();
        List<String> suppressed = new ArrayList<>(List.of("Round 1", UnderConnected.OTHERS));
        suppressed.addAll(Collections.nCopies(10, "< 5"));
        assertEquals(suppressed, under.rows().get(1));
        assertEquals(List.of("Round 2", UnderConnected.GROUP, "7", "6", "86%", "3", "15.0", "4", "0.5", "1", "3", "0.67"),
                under.rows().get(2));
        assertEquals("", under.rows().get(3).get(11), "nobody got a first mentor: no mean");
    }

    @Test
    void theChartDrawsMatchRatesToScaleAndNoBarForASuppressedGroup() {
        AnalyticsPictures.GroupBars chart = AnalyticsPictures.of(figures).underConnected();
        assertEquals(List.of("70%", "< 5", "86%", "60%"), chart.bars().stream().map(AnalyticsPictures.GroupBar::value).toList());
        assertEquals(List.of(112, 0, 137, 96), chart.bars().stream().map(AnalyticsPictures.GroupBar::height).toList());
        assertEquals(List.of(false, true, false, true), chart.bars().stream().map(AnalyticsPictures.GroupBar::hatched).toList());
        assertEquals(List.of("Round 1", "Round 2"), chart.rounds().stream().map(AnalyticsPictures.Label::text).toList());
        assertEquals("Round 2, under-connected: 6 of 7 matched (86%)", chart.bars().get(2).title());
        assertTrue(chart.bars().get(1).title().contains("suppressed"));
    }

    @Test
    void theSimulationReportIsPackagedAndItsWaitingPolicyRowsRead() {
        List<SimulationOutcomes.Block> report = SimulationOutcomes.blocks();
        assertTrue(report.stream().anyMatch(b -> b.kind().equals("heading") && b.text().startsWith("Outcomes")), "docs/outcomes.md is packaged");
        List<List<String>> rows = SimulationOutcomes.waitingPolicyRows(report).orElseThrow();
        assertEquals(4, rows.size());
        assertEquals(List.of("1", "533 / 916", "383", "1", "0", "272 of 1389", "2.30", "44.7%", "66 of 66", "1", "0.00"),
                rows.get(0));
    }

    @Test
    void aSmallReportParsesIntoBlocks() {
        List<SimulationOutcomes.Block> blocks = SimulationOutcomes.parse("""
                # Title with `code`

                A **bold** [link](matching.md) line
                that continues.

                | round | run | x |
                |---|---|---|
                | 1 | waiting policy | 2 |

                - one
                  more
                - two
                """);
        assertEquals(List.of("heading", "paragraph", "table", "list"), blocks.stream().map(SimulationOutcomes.Block::kind).toList());
        assertEquals("Title with code", blocks.get(0).text());
        assertEquals("A bold link line that continues.", blocks.get(1).text());
        assertEquals(List.of(List.of("1", "waiting policy", "2")), blocks.get(2).rows());
        assertEquals(List.of("one more", "two"), blocks.get(3).items());
    }
}
