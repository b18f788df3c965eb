package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.TinyInstance;
import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.Mentor;
import io.bridgeway.matching.pairing.domain.PairJustification;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairExplainerTest {

    private static final PairingMatcher MATCHER = new PairingMatcher(PairingProblem.DEFAULT_MAX_PEOPLE, Duration.ofMillis(200));

    /** mentor "sam" (Sales, level 6, UTC) and mentee "eve" (Engineering, level 1, UTC+3, paired before). */
    private static TinyInstance known() {
        return new TinyInstance()
                .person("sam", "Sales", 6).skills("sam", "negotiation", 3, "public-speaking", 3, "crm", 2)
                .person("eve", "Engineering", 1).offset("eve", 180).goals("eve", "negotiation", "public-speaking", "java")
                .mentor("sam", 1).mentee("eve", 2).previous("sam", "eve", 1);
    }

    @Test
    void explainsEveryContributionOfAPairInPlainWords() {
        PairingResult result = MATCHER.solve(known().problem(), Duration.ofSeconds(5));
        PairingResult.MatchedPair pair = result.pairs().get(0);
        assertEquals(List.of(
                "matches a priority-2 mentee (+2000)",
                "shares 2 of the mentee's goals: negotiation, public-speaking (+60)",
                "different departments (+15)",
                "3 h apart (-6)",
                "level gap of 5 (-10)",
                "paired before (-40)"), pair.explanation());
        assertEquals(2000 + 60 + 15 - 6 - 10 - 40, pair.value());
        assertEquals(60 + 15 - 6 - 10 - 40, pair.weight());
        assertEquals(pair.value(), result.objective());
    }

    /** The exact optimum written into a fresh solution, outside a solver (what the solver's first phase does). */
    private static PairingSolution optimal(PairingProblem problem) {
        PairingSolution solution = PairingSolutionFactory.build(problem);
        Mentor[] optimum = ExactPairingOptimizer.optimize(solution).mentors();
        for (int i = 0; i < optimum.length; i++) {
            solution.getAssignments().get(i).setMentor(optimum[i]);
        }
        return solution;
    }

    @Test
    void constraintJustificationsAreThePairsExplanationLines() {
        PairingSolution solution = optimal(known().problem());
        SolutionManager<PairingSolution, HardSoftLongScore> manager = SolutionManager.create(
                SolverFactory.create(PairingSolverConfig.create(Duration.ofSeconds(1))));
        ScoreExplanation<PairingSolution, HardSoftLongScore> explanation = manager.explain(solution);
        List<PairJustification> justifications = explanation.getJustificationList(PairJustification.class);
        List<String> sentences = justifications.stream().map(PairJustification::description).sorted().toList();
        assertEquals(List.of("3 h apart (-6)", "different departments (+15)", "level gap of 5 (-10)", "paired before (-40)",
                "shares 2 of the mentee's goals: negotiation, public-speaking (+60)"), sentences);
        assertTrue(justifications.stream().allMatch(j -> j.mentorId().equals("sam") && j.menteeId().equals("eve")));
        assertEquals(HardSoftLongScore.of(0, 60 + 15 - 6 - 10 - 40), explanation.getScore());
        // The explanation shows the same sentences, plus the matched mentee's priority (no constraint matches a pair for it).
        List<String> lines = new PairExplainer(solution).explainPair(solution.getAssignments().get(0));
        assertEquals("matches a priority-2 mentee (+2000)", lines.get(0));
        assertEquals(sentences, lines.subList(1, lines.size()).stream().sorted().toList());
    }

    @Test
    void aHardRuleBreakIsJustifiedWithTheExplanationLine() {
        TinyInstance t = known().person("boss", "Engineering", 8).manager("eve", "boss").mentor("boss", 1)
                .pin("eve", "boss");
        PairingSolution solution = optimal(t.problem());
        ScoreExplanation<PairingSolution, HardSoftLongScore> explanation = SolutionManager.<PairingSolution, HardSoftLongScore>create(
                SolverFactory.create(PairingSolverConfig.create(Duration.ofSeconds(1)))).explain(solution);
        List<String> hard = explanation.getConstraintMatchTotalMap().values().stream()
                .filter(total -> total.getScore().hardScore() < 0)
                .flatMap(total -> total.getConstraintMatchSet().stream())
                .map(match -> ((PairJustification) match.getJustification()).description()).toList();
        assertEquals(List.of(HardRule.REPORTING_CHAIN.brokenText()), hard);
        assertTrue(new PairExplainer(solution).explainPair(solution.getAssignments().get(0)).contains(hard.get(0)));
    }

    @Test
    void unmatchedBecauseNoMentorIsAllowedNamesTheRulesWithCounts() {
        TinyInstance t = known()
                .person("max", "Legal", 7).languages("max", "de")
                .person("dan", "Engineering", 0).languages("dan", "fr").mentee("dan", 1)
                .mentor("max", 1);
        PairingResult result = MATCHER.solve(t.problem(), Duration.ofSeconds(5));
        PairingResult.UnmatchedMentee dan = result.unmatched().stream()
                .filter(u -> u.menteeId().equals("dan")).findFirst().orElseThrow();
        assertEquals("no allowed mentor: of 2 mentors, 2 share no language", dan.reason());
    }

    @Test
    void unmatchedBecauseEveryAllowedMentorIsFullOfBetterPairs() {
        // "sam" has one slot; "eve" (priority 2) is worth more than "ian" (priority 1).
        TinyInstance t = known().person("ian", "Engineering", 2).mentee("ian", 1);
        PairingResult result = MATCHER.solve(t.problem(), Duration.ofSeconds(5));
        assertEquals("eve", result.pairs().get(0).menteeId());
        String reason = result.unmatched().get(0).reason();
        assertTrue(reason.startsWith("every allowed mentor is full, and each of their slots holds a pair worth at least as much;"),
                reason);
        assertTrue(reason.contains("with sam"), reason);
        assertTrue(reason.contains("1 allowed mentor"), reason);
    }

    @Test
    void roundsWithoutMentorsOrWithoutMenteesAreSolvedToo() {
        PairingResult noMentors = MATCHER.solve(new TinyInstance().person("eve", "Eng", 1).mentee("eve", 1).problem(),
                Duration.ofSeconds(5));
        assertEquals("there are no mentors in this round", noMentors.unmatched().get(0).reason());
        assertEquals(0, noMentors.objective());
        PairingResult noMentees = MATCHER.solve(new TinyInstance().person("sam", "Sales", 6).mentor("sam", 1).problem(),
                Duration.ofSeconds(5));
        assertTrue(noMentees.pairs().isEmpty() && noMentees.unmatched().isEmpty());
    }

    @Test
    void forcedForbiddenPairIsShownAsAHardBreak() {
        TinyInstance t = known().person("boss", "Engineering", 8).manager("eve", "boss").mentor("boss", 1)
                .pin("eve", "boss");
        PairingResult result = MATCHER.solve(t.problem(), Duration.ofSeconds(5));
        assertFalse(result.feasible());
        assertTrue(result.score().startsWith("-1hard/"), result.score());
        PairingResult.MatchedPair pair = result.pairs().get(0);
        assertEquals("boss", pair.mentorId());
        assertEquals("pinned by a manager", pair.explanation().get(0));
        assertEquals("breaks the hard rule: mentor is in the mentee's reporting chain", pair.explanation().get(1));
    }
}
