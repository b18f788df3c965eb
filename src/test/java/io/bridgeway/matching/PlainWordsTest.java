package io.bridgeway.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.PairRules;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class PlainWordsTest {

    private static final Pattern NUMBERS = Pattern.compile("\\([+−-]?\\d+\\)|, [+−-]\\d+\\)|priority");

    /** True when a text shows solver points ("(+1000)", "(-12)", "(..., −18)") or priorities. */
    public static boolean hasSolverNumbers(String text) {
        return NUMBERS.matcher(text).find();
    }

    @Test
    void pairLinesLoseTheirPointsAndTheObjectiveLines() {
        List<String> manager = List.of(
                PairRules.PINNED_LINE,
                "matches a priority-1 mentee (+1000)",
                PairRules.waitedPhrase(2, 2) + " (+2000)",
                "shares 2 of the mentee's goals: negotiation, public-speaking (+60)",
                "different departments (+15)",
                "3 h apart (-6)",
                "shares none of the mentee's 2 goals (0)",
                HardRule.LEVEL_GAP_TOO_SMALL.brokenText());
        List<String> people = PlainWords.forPeople(manager);
        assertEquals(List.of("Shares 2 of the mentee's goals: negotiation, public-speaking", "Different departments",
                "3 h apart", "Shares none of the mentee's 2 goals"), people);
        people.forEach(line -> assertFalse(hasSolverNumbers(line), line));
    }

    @Test
    void circleNotesKeepTheirWordsButNotThePenalty() {
        List<String> people = PlainWords.forPeople(List.of(
                "3 departments, 1 same-department pair (−8)",
                "spans 6 h of time zones (UTC−05:00 to UTC+01:00, −18)",
                "no senior colleague (level 5+, −20)",
                "includes a senior colleague (level 7)",
                "Ana and Bo met in round 1 (repeat)"));
        assertEquals(List.of("3 departments, 1 same-department pair", "Spans 6 h of time zones (UTC−05:00 to UTC+01:00)",
                "No senior colleague (level 5+)", "Includes a senior colleague (level 7)",
                "Ana and Bo met in round 1 (repeat)"), people);
        people.forEach(line -> assertFalse(hasSolverNumbers(line), line));
        assertTrue(hasSolverNumbers("different departments (+15)"), "the check itself sees points");
    }
}
