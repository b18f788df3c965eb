package io.bridgeway.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The dashboard's figures as tables of text: the page renders them and the CSV download writes the very same rows,
 * so a download always matches its table. A suppressed number reads "&lt; 5".
 */
public final class AnalyticsTables {

    public static final String SUPPRESSED = "< " + NetworkFigures.MINIMUM_GROUP;

    /** The columns of docs/outcomes.md's per-round table (without its run and seconds), in its words. */
    static final List<String> OUTCOME_HEADERS = List.of("round", "matched / mentees", "mentees never matched",
            "longest wait (rounds)", "waited 2+ rounds while another was matched twice",
            "participants with no cross-dept tie", "mean cross-dept ties", "share with >= 3 ties", "dept pairs bridged",
            "fewest ties of a dept pair", "mean ties, lowest decile");

    static final List<String> FEEDBACK_HEADERS = List.of("Respondents", "Answers", "Meeting rate", "Average rating");

    /** {@code id} names the CSV ({@code <id>.csv}); {@code caption} says what the table shows. */
    public record Table(String id, String caption, List<String> headers, List<List<String>> rows) {
    }

    private AnalyticsTables() {
    }

    public static List<Table> of(NetworkFigures figures) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("totals", "Totals", List.of("Published rounds", "People", "Signed up", "Matched",
                "Left unmatched"), List.of(texts(figures.totals().rounds(), figures.totals().people(),
                figures.totals().signedUp(), figures.totals().matched(), figures.totals().leftUnmatched()))));
        tables.add(new Table("unmatched-reasons", "Why people were left unmatched (times, all rounds)",
                List.of("Reason", "Times"), figures.unmatchedReasons().entrySet().stream()
                        .map(e -> texts(e.getKey(), e.getValue())).toList()));
        tables.add(participation("by-department", "Participation by department", "Department", figures.byDepartment()));
        tables.add(participation("by-level", "Participation by level", "Level", figures.byLevel()));
        tables.add(participation("by-office", "Participation by office", "Office", figures.byOffice()));
        tables.add(participation("by-department-and-level", "Participation by department and level",
                "Department / level", figures.byDepartmentAndLevel()));
        NetworkFigures.CrossDepartment cross = figures.crossDepartment();
        tables.add(new Table("cross-department", "Cross-department ties", List.of("Ties", "Department pairs bridged",
                "Department pairs"), List.of(texts(cross.ties(), cross.departmentPairsBridged(), cross.departmentPairs()))));
        tables.add(new Table("department-ties", "Ties between departments (distinct people who met)",
                List.of("Department", "Department", "Ties"), cross.matrix().stream()
                        .map(c -> texts(c.departmentA(), c.departmentB(), c.suppressed() ? SUPPRESSED : c.ties())).toList()));
        tables.add(new Table("without-cross-tie", "People with no cross-department tie, round by round",
                List.of("Round", "People", "Before the round", "After the round"), figures.withoutCrossTie().stream()
                        .map(r -> texts(r.round(), r.people(), r.withoutTieBefore(), r.withoutTieAfter())).toList()));
        tables.add(new Table("mentor-load", "Mentor load (mentors in a round with this many mentees)",
                List.of("Mentees", "Mentors (per round)"), figures.mentorLoad().stream()
                        .map(b -> texts(b.mentees(), b.mentorRounds())).toList()));
        NetworkFigures.Feedback feedback = figures.feedback();
        tables.add(new Table("feedback", "Feedback outcomes", FEEDBACK_HEADERS, List.of(feedback.suppressed()
                ? Collections.nCopies(FEEDBACK_HEADERS.size(), SUPPRESSED)
                : texts(feedback.respondents(), feedback.answers(), feedback.meetingRate(), feedback.averageRating()))));
        tables.add(feedbackTable("feedback-by-department", "Feedback by department", "Department", feedback.byDepartment()));
        tables.add(feedbackTable("feedback-by-level", "Feedback by level", "Level", feedback.byLevel()));
        tables.add(new Table("repeats", "Repeats avoided (two people who met before and were both there)",
                List.of("Round", "Could have repeated", "Repeated", "Avoided"), figures.repeats().stream()
                        .map(r -> texts(r.round(), r.couldRepeat(), r.repeated(), r.avoided())).toList()));
        tables.add(underConnected(figures.underConnected()));
        tables.add(new Table("outcomes", "Outcomes, round by round: this programme in the simulation's figures",
                OUTCOME_HEADERS, figures.outcomes().stream().map(AnalyticsTables::outcomeRow).toList()));
        SimulationOutcomes.waitingPolicyRows(SimulationOutcomes.blocks()).ifPresent(rows -> tables.add(new Table(
                "simulation", "The fairness simulation with the waiting policy (" + SimulationOutcomes.REPOSITORY_PATH
                        + "; 2,000 generated people)", OUTCOME_HEADERS, rows)));
        return tables;
    }

    public static Optional<Table> find(NetworkFigures figures, String id) {
        return of(figures).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** One column per reason that occurs in any shown group. */
    private static Table participation(String id, String caption, String groupHeader, List<NetworkFigures.GroupRow> rows) {
        TreeSet<String> reasons = new TreeSet<>();
        rows.stream().filter(r -> !r.suppressed()).forEach(r -> reasons.addAll(r.unmatchedReasons().keySet()));
        List<String> headers = new ArrayList<>(List.of(groupHeader, "People", "Signed up", "Matched", "Left unmatched"));
        reasons.forEach(reason -> headers.add("Unmatched: " + reason));
        return new Table(id, caption, headers, rows.stream().map(r -> {
            List<String> cells = new ArrayList<>(List.of(r.group()));
            Function<Integer, String> cell = n -> r.suppressed() ? SUPPRESSED : String.valueOf(n);
            cells.addAll(List.of(cell.apply(r.people()), cell.apply(r.signedUp()), cell.apply(r.matched()),
                    cell.apply(r.leftUnmatched())));
            Map<String, Integer> counts = r.suppressed() ? Map.of() : r.unmatchedReasons();
            reasons.forEach(reason -> cells.add(cell.apply(counts.getOrDefault(reason, 0))));
            return List.copyOf(cells);
        }).toList());
    }

    private static Table feedbackTable(String id, String caption, String groupHeader, List<NetworkFigures.FeedbackRow> rows) {
        List<String> headers = new ArrayList<>(List.of(groupHeader));
        headers.addAll(FEEDBACK_HEADERS);
        return new Table(id, caption, List.copyOf(headers),
                rows.stream().map(r -> r.suppressed()
                        ? texts(r.group(), SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED)
                        : texts(r.group(), r.respondents(), r.answers(), r.meetingRate(), r.averageRating())).toList());
    }

    private static Table underConnected(List<UnderConnected.Row> rows) {
        return new Table("under-connected", "The under-connected (no cross-department tie before the round) and "
                + "everyone else who asked to be matched, round by round", List.of("Round", "Group", "People", "Matched",
                "Match rate", "Mentees paired", "Mean match quality", "Mentees", "Mean rounds waited", "Longest wait",
                "First mentor this round", "Mean rounds waited before the first mentor"), rows.stream().map(r -> {
                    List<String> cells = new ArrayList<>(List.of(r.round(), r.group()));
                    if (r.suppressed()) {
                        cells.addAll(Collections.nCopies(10, SUPPRESSED));
                        return List.copyOf(cells);
                    }
                    cells.addAll(texts(r.people(), r.matched(), AnalyticsPictures.percent(r.matchRate()),
                            r.pairedMentees(), r.meanPairWeight(), r.mentees(), r.meanRoundsWaited(), r.longestWait(),
                            r.firstMatchedMentees(), r.meanWaitBeforeFirstMatch()));
                    return List.copyOf(cells);
                }).toList());
    }

    /** As docs/outcomes.md writes its figures: "533 / 916", "272 of 1389", "2.30", "44.7%". */
    private static List<String> outcomeRow(Outcomes.Figures f) {
        return texts(f.round(), f.matched() + " / " + f.mentees(), f.neverMatched(), f.longestWait(),
                f.waitedWhileOthersMatchedTwice(), f.withoutCrossTie() + " of " + f.participants(),
                String.format(Locale.ROOT, "%.2f", f.meanCrossTies()),
                String.format(Locale.ROOT, "%.1f%%", 100 * f.shareWithAtLeast3Ties()),
                f.departmentPairsBridged() + " of " + f.departmentPairs(), f.fewestDepartmentPairTies(),
                String.format(Locale.ROOT, "%.2f", f.lowestDecileMeanTies()));
    }

    /** Cells as text; a missing value (no answers yet) is empty. */
    private static List<String> texts(Object... values) {
        List<String> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value == null ? "" : String.valueOf(value));
        }
        return List.copyOf(cells);
    }
}
