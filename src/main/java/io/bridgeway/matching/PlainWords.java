package io.bridgeway.matching;

import io.bridgeway.matching.pairing.domain.HardRule;
import io.bridgeway.matching.pairing.domain.PairRules;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Why you were matched" for the people matched, derived from the managers' explanation lines (pairs:
 * {@link PairRules#contributions}, circles: the circle explainer): the same sentences without the
 * solver's points, and without the lines about the objective rather than the people (priority, waiting
 * bonus, pins, hard-rule checks). Works on stored lines, so rounds published earlier read the same way.
 */
public final class PlainWords {

    private static final List<String> OBJECTIVE_LINES = List.of(PairRules.PRIORITY_LINE, PairRules.WAITED_LINE,
            PairRules.PINNED_LINE, HardRule.BROKEN_LINE);

    /** The points at the end of a parenthesis: "(+60)", "(−12)", "(0)", or "(UTC−05:00 to UTC+01:00, −18)". */
    private static final Pattern POINTS = Pattern.compile("\\s*\\((?:([^()]*),\\s*)?[+−-]?\\d+\\)");

    private PlainWords() {
    }

    public static List<String> forPeople(List<String> managerLines) {
        return managerLines.stream()
                .filter(line -> OBJECTIVE_LINES.stream().noneMatch(line::startsWith))
                .map(PlainWords::withoutPoints)
                .filter(line -> !line.isBlank())
                .map(PlainWords::capitalised)
                .toList();
    }

    static String withoutPoints(String line) {
        Matcher m = POINTS.matcher(line);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, m.group(1) == null ? "" : Matcher.quoteReplacement(" (" + m.group(1) + ")"));
        }
        m.appendTail(text);
        return text.toString().strip();
    }

    private static String capitalised(String line) {
        return Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }
}
