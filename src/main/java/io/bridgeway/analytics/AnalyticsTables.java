package io.bridgeway.analytics;

import java.util.ArrayList;
import java.util.List;
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
        tables.add(new Table("feedback", "Feedback outcomes", List.of("Answers", "Meeting rate", "Average rating"),
                List.of(texts(feedback.answers(), feedback.meetingRate(), feedback.averageRating()))));
        tables.add(feedbackTable("feedback-by-department", "Feedback by department", "Department", feedback.byDepartment()));
        tables.add(feedbackTable("feedback-by-level", "Feedback by level", "Level", feedback.byLevel()));
        tables.add(new Table("repeats", "Repeats avoided (two people who met before and were both there)",
                List.of("Round", "Could have repeated", "Repeated", "Avoided"), figures.repeats().stream()
                        .map(r -> texts(r.round(), r.couldRepeat(), r.repeated(), r.avoided())).toList()));
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
        return new Table(id, caption, List.of(groupHeader, "Respondents", "Answers", "Meeting rate", "Average rating"),
                rows.stream().map(r -> r.suppressed()
                        ? texts(r.group(), SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED)
                        : texts(r.group(), r.respondents(), r.answers(), r.meetingRate(), r.averageRating())).toList());
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
