package io.bridgeway.analytics;

import static io.bridgeway.rounds.RoundLifecycleTest.as;
import static io.bridgeway.rounds.RoundLifecycleTest.awaitSolved;
import static io.bridgeway.rounds.RoundLifecycleTest.cohort;
import static io.bridgeway.rounds.RoundLifecycleTest.start;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.feedback.Survey;
import io.bridgeway.rounds.RoundLifecycleTest.Cohort;
import io.bridgeway.security.Role;
import io.bridgeway.support.ThreadStatements;
import io.bridgeway.support.WebSession;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One published round (6 mentors of Level 6 in two departments of 3, 6 mentees of Level 2 in one department)
 * plus a solved, unpublished draft: the API, the page and the CSVs show the published round only.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiAndPageTest {

    @Inject
    Engine qute;

    Cohort cohort;
    long publishedRound;

    /** Once per class, inside a test: RestAssured knows the random test port only then. */
    @BeforeEach
    void publishOneRoundAndLeaveOneDraft() {
        if (cohort != null) {
            return;
        }
        cohort = cohort("analytics", 6, 6);
        publishedRound = start(cohort.pm(), cohort.programId());
        awaitSolved(cohort.pm(), publishedRound);
        as(cohort.pm()).post("/api/v1/rounds/" + publishedRound + "/publish").then().statusCode(200);
        // every mentee answers: met, rated 4; the mentors do not answer
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Survey.<Survey>list("round.id = ?1", publishedRound)
                .stream().filter(survey -> cohort.mentees().contains(survey.person.email)).forEach(survey -> {
                    survey.met = true;
                    survey.rating = 4;
                    survey.answeredAt = java.time.Instant.now();
                }));
        long draft = start(cohort.pm(), cohort.programId());
        awaitSolved(cohort.pm(), draft);
    }

    @Test
    void programmeFiguresComeFromThePublishedRoundOnly() {
        JsonPath round = as(cohort.pm()).get("/api/v1/rounds/" + publishedRound).then().statusCode(200).extract().jsonPath();
        int pairs = round.getInt("matched");
        JsonPath figures = as(cohort.pm()).get("/api/v1/programs/" + cohort.programId() + "/analytics")
                .then().statusCode(200).body("minimumGroupSize", equalTo(5)).extract().jsonPath();
        assertEquals(1, figures.getInt("totals.rounds"), "the draft is not counted");
        assertEquals(12, figures.getInt("totals.people"));
        assertEquals(12, figures.getInt("totals.signedUp"));
        List<Map<String, Object>> mentorLoad = figures.getList("mentorLoad");
        assertEquals(6, mentorLoad.stream().mapToInt(b -> (Integer) b.get("mentorRounds")).sum(), "six mentors, one round");
        assertEquals(pairs, mentorLoad.stream().mapToInt(b -> (Integer) b.get("mentees") * (Integer) b.get("mentorRounds")).sum());

        Map<String, Object> mentees = row(figures.getList("byLevel"), "Professional");
        assertEquals(false, mentees.get("suppressed"));
        assertEquals(6, mentees.get("people"));
        assertEquals(pairs, mentees.get("matched"));
        // the mentors' departments have 3 people each: suppressed, numbers null, also in the department matrix
        List<Map<String, Object>> byDepartment = figures.getList("byDepartment");
        assertEquals(2, byDepartment.stream().filter(r -> Boolean.TRUE.equals(r.get("suppressed"))).count());
        byDepartment.stream().filter(r -> Boolean.TRUE.equals(r.get("suppressed"))).forEach(r -> assertNull(r.get("people")));
        List<Map<String, Object>> matrix = figures.getList("crossDepartment.matrix");
        assertFalse(matrix.isEmpty());
        matrix.forEach(cell -> assertTrue((Boolean) cell.get("suppressed")));
        assertEquals(1, figures.getList("withoutCrossTie").size());
        assertEquals(12, figures.getInt("withoutCrossTie[0].withoutTieBefore"));
        assertEquals(List.of(0), figures.getList("repeats.couldRepeat"));
        assertEquals(6, pairs, "the cohort has room for every mentee");
        assertEquals(6, figures.getInt("feedback.answers"), "the mentees' answers, none of the draft's");
        Map<String, Object> menteeFeedback = row(figures.getList("feedback.byLevel"), "Professional");
        assertEquals(Map.of("group", "Professional", "suppressed", false, "respondents", 6, "answers", 6,
                "meetingRate", 1.0f, "averageRating", 4.0f), menteeFeedback);

        // round 1: every mentee is under-connected (no earlier round); nobody else asked, so "others" is suppressed
        Map<String, Object> under = figures.getMap("underConnected[0]");
        assertEquals(List.of("under-connected", true, 6, 6, 1.0f, 6, 6, 0.0f, 0, 6), List.of(under.get("group"),
                !(Boolean) under.get("suppressed"), under.get("people"), under.get("matched"), under.get("matchRate"),
                under.get("pairedMentees"), under.get("mentees"), under.get("meanRoundsWaited"), under.get("longestWait"),
                under.get("firstMatchedMentees")));
        assertEquals(meanPairWeight(publishedRound), ((Number) under.get("meanPairWeight")).doubleValue(), 0.05,
                "match quality: the stored pair values less 1000 x priority (nobody had waited)");
        assertEquals(Map.of("round", "Round 1", "group", "others", "suppressed", true),
                Map.of("round", figures.get("underConnected[1].round"), "group", figures.get("underConnected[1].group"),
                        "suppressed", figures.get("underConnected[1].suppressed")));
        assertNull(figures.get("underConnected[1].people"));
        // the simulation's figures for this round: 6 of 6 mentees matched, 12 participants
        assertEquals(List.of(6, 6, 0, 0, 12), List.of(figures.getInt("outcomes[0].matched"),
                figures.getInt("outcomes[0].mentees"), figures.getInt("outcomes[0].neverMatched"),
                figures.getInt("outcomes[0].longestWait"), figures.getInt("outcomes[0].participants")));
    }

    /**
     * Rating privacy on the API, the page and the CSV: with 4 answers the overall figures are hidden; with a mentor's
     * lone answer beside the 6 mentees', the total is shown, so the mentees' groups are hidden with the mentor's
     * (the total minus them would be the mentor's rating). The answers are put back afterwards.
     */
    @Test
    void feedbackOfFewPeopleIsHiddenOverallAndCannotBeSubtracted() throws Exception {
        String base = "/programs/" + cohort.programId() + "/analytics";
        WebSession manager = WebSession.withRole("analytics-feedback-privacy", Role.PROGRAM_MANAGER);
        List<String> unanswered = cohort.mentees().subList(0, 2);
        String mentor = cohort.mentors().get(0);
        try {
            unanswered.forEach(mentee -> answered(mentee, null, null));
            JsonPath four = as(cohort.pm()).get("/api/v1" + base).then().statusCode(200).extract().jsonPath();
            assertEquals(true, four.get("feedback.suppressed"));
            for (String figure : List.of("respondents", "answers", "meetingRate", "averageRating")) {
                assertNull(four.get("feedback." + figure), figure);
            }
            List<String> hidden = List.of(AnalyticsTables.SUPPRESSED, AnalyticsTables.SUPPRESSED,
                    AnalyticsTables.SUPPRESSED, AnalyticsTables.SUPPRESSED);
            assertEquals(hidden, manager.page(base).selectFirst("table[data-table=feedback] tbody tr").children().eachText());
            assertEquals(List.of(AnalyticsTables.FEEDBACK_HEADERS, hidden), CSVFormat.DEFAULT.parse(new StringReader(
                    manager.get(base + "/feedback.csv").asString())).getRecords().stream().map(CSVRecord::toList).toList());

            unanswered.forEach(mentee -> answered(mentee, java.time.Instant.now(), 4));
            answered(mentor, java.time.Instant.now(), 1);
            JsonPath seven = as(cohort.pm()).get("/api/v1" + base).then().statusCode(200).extract().jsonPath();
            assertEquals(7, seven.getInt("feedback.respondents"));
            assertTrue(seven.getFloat("feedback.averageRating") < 4, "the total is shown, with the mentor's 1 in it");
            for (String breakdown : List.of("feedback.byLevel", "feedback.byDepartment")) {
                List<Map<String, Object>> rows = seven.getList(breakdown);
                assertEquals(2, rows.size(), breakdown);
                rows.forEach(r -> {
                    assertEquals(true, r.get("suppressed"), breakdown);
                    assertNull(r.get("averageRating"), breakdown);
                });
            }
            assertEquals(hidden, List.of(1, 2, 3, 4).stream()
                    .map(column -> cell(manager.page(base), "feedback-by-level", "Professional", column)).toList());
        } finally {
            unanswered.forEach(mentee -> answered(mentee, java.time.Instant.now(), 4));
            answered(mentor, null, null);
        }
    }

    /** Sets one person's survey of the published round: answered (met, with this rating), or not answered. */
    private void answered(String email, java.time.Instant at, Integer rating) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Survey.<Survey>list("round.id = ?1 and "
                + "person.email = ?2", publishedRound, email).forEach(survey -> {
                    survey.met = at == null ? null : true;
                    survey.rating = rating;
                    survey.answeredAt = at;
                }));
    }

    /** Mean over the round's pairs of value - 1000 x mentee priority, read straight from the rows. */
    private static double meanPairWeight(long roundId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> io.bridgeway.rounds.RoundPair
                .<io.bridgeway.rounds.RoundPair>list("round.id = ?1", roundId).stream().mapToLong(pair -> pair.value
                        - 1000L * io.bridgeway.rounds.RoundParticipant.<io.bridgeway.rounds.RoundParticipant>find(
                                "round.id = ?1 and person = ?2", roundId, pair.mentee).firstResult().menteePriority)
                .average().orElseThrow());
    }

    /**
     * The reader runs the same, small number of statements for one published round as for three (Hibernate
     * statistics; the least of three reads, as scheduled jobs may run statements meanwhile).
     */
    @Test
    void theReaderRunsAFixedNumberOfStatementsWhateverTheRounds() {
        Cohort three = cohort("analytics-batch", 6, 6);
        for (int i = 0; i < 3; i++) {
            long round = start(three.pm(), three.programId());
            awaitSolved(three.pm(), round);
            as(three.pm()).post("/api/v1/rounds/" + round + "/publish").then().statusCode(200);
        }
        long forOne = statements(cohort.programId());
        long forThree = statements(three.programId());
        assertTrue(forOne > 0 && forOne <= 10, forOne + " statements (few)");
        assertEquals(forOne, forThree, "one round or three: the same statements");
        NetworkFigures figures = reader.program(three.programId()).figures();
        assertEquals(3, figures.totals().rounds());
        assertEquals(List.of(6, 6, 6), figures.outcomes().stream().map(Outcomes.Figures::matched).toList());
        assertEquals(6, figures.underConnected().size(), "two groups a round");
    }

    @Inject
    AnalyticsReader reader;

    private long statements(long programId) {
        return ThreadStatements.of(() -> reader.program(programId));
    }

    @Test
    void theSimulationReportIsServedAndLinked() {
        for (String role : List.of(Role.PROGRAM_MANAGER, Role.ADMIN)) {
            WebSession session = WebSession.withRole("analytics-outcomes-" + role.toLowerCase(), role);
            Document report = session.page("/analytics/outcomes");
            assertTrue(report.select("h2").eachText().stream().anyMatch(h -> h.startsWith("Outcomes")), role);
            assertTrue(report.select("td").eachText().contains("waiting policy"), "the report's tables are tables");
            Document dashboard = session.page("/programs/" + cohort.programId() + "/analytics");
            assertFalse(dashboard.select("a[href=/analytics/outcomes]").isEmpty(), "the dashboard links the report");
            assertEquals(4, dashboard.select("table[data-table=simulation] tbody tr").size(),
                    "the simulation's waiting-policy rows beside the programme's own");
            assertEquals(dashboard.select("table[data-table=simulation] thead th").eachText(),
                    dashboard.select("table[data-table=outcomes] thead th").eachText(), "the same figures");
        }
        WebSession employee = WebSession.signedUp(WebSession.uniqueEmail("analytics-outcomes-employee"), Map.of());
        assertEquals(403, employee.get("/analytics/outcomes").statusCode());
    }

    @Test
    void overallFiguresAndRefusals() {
        as(cohort.pm()).get("/api/v1/analytics").then().statusCode(200).body("totals.rounds", greaterThanOrEqualTo(1));
        as(cohort.pm()).get("/api/v1/programs/999999/analytics").then().statusCode(404);
        String employee = cohort.mentees().get(0);
        as(employee).get("/api/v1/analytics").then().statusCode(403);
        as(employee).get("/api/v1/programs/" + cohort.programId() + "/analytics").then().statusCode(403);
    }

    @Test
    void pageRendersForManagersAndAdminsAndIsRefusedToEmployees() {
        String path = "/programs/" + cohort.programId() + "/analytics";
        for (String role : List.of(Role.PROGRAM_MANAGER, Role.ADMIN)) {
            WebSession session = WebSession.withRole("analytics-" + role.toLowerCase(), role);
            Response page = session.get(path);
            assertEquals(200, page.statusCode(), role);
            Document html = Jsoup.parse(page.asString());
            assertEquals("6", cell(html, "by-level", "Professional", 1), "people at Professional level");
            assertEquals(AnalyticsTables.SUPPRESSED, html.select("table[data-table=department-ties] tbody tr td").last().text());
            assertEquals(200, session.get("/analytics").statusCode(), role);
        }
        WebSession manager = WebSession.withRole("analytics-link", Role.PROGRAM_MANAGER);
        assertFalse(manager.page("/programs/" + cohort.programId()).select("a[href=" + path + "]").isEmpty(),
                "the programme page links its analytics for managers");
        WebSession employee = WebSession.signedUp(WebSession.uniqueEmail("analytics-employee"), Map.of());
        assertEquals(403, employee.get(path).statusCode());
        assertEquals(403, employee.get("/analytics").statusCode());
        assertEquals(403, employee.get(path + "/by-level.csv").statusCode());
    }

    @Test
    void eachTablesCsvMatchesItsTable() throws Exception {
        WebSession manager = WebSession.withRole("analytics-csv", Role.PROGRAM_MANAGER);
        String base = "/programs/" + cohort.programId() + "/analytics";
        Document html = manager.page(base);
        List<Element> tables = html.select("table[data-table]");
        assertTrue(tables.size() >= 10);
        for (Element table : tables) {
            String id = table.attr("data-table");
            assertFalse(html.select("a[href=" + base + "/" + id + ".csv]").isEmpty(), id + " has a download link");
            Response csv = manager.get(base + "/" + id + ".csv");
            assertEquals(200, csv.statusCode(), id);
            assertTrue(csv.contentType().startsWith("text/csv"));
            List<List<String>> fromCsv = CSVFormat.DEFAULT.parse(new StringReader(csv.asString())).getRecords()
                    .stream().map(CSVRecord::toList).toList();
            List<List<String>> fromPage = table.select("tr").stream()
                    .map(tr -> tr.select("th, td").stream().map(Element::text).toList()).toList();
            assertEquals(fromPage, fromCsv, id);
        }
        assertEquals(404, manager.get(base + "/no-such-table.csv").statusCode());
    }

    /** Three departments (two of 3 people) give three suppressed cells, no drawn edge, and one bar for the one round. */
    @Test
    void picturesStandBesideTheirTablesWithNumbersAsText() {
        String base = "/programs/" + cohort.programId() + "/analytics";
        Document html = WebSession.withRole("analytics-pictures", Role.PROGRAM_MANAGER).page(base);
        Element heatMap = html.selectFirst("figure[data-picture=heat-map]");
        assertEquals(3, heatMap.select("g.heat-cell").size());
        heatMap.select("g.heat-cell").forEach(cell -> {
            assertEquals(AnalyticsTables.SUPPRESSED, cell.selectFirst("text").text());
            assertEquals("url(#suppressed-hatch)", cell.selectFirst("rect").attr("fill"));
        });
        assertFalse(heatMap.select("g.legend text").isEmpty(), "the heat map has a legend");
        Element network = html.selectFirst("figure[data-picture=network]");
        assertEquals(3, network.select("g.network-node").size());
        assertEquals(0, network.select("g.network-edge").size(), "suppressed pairs are not drawn");
        Element bars = html.selectFirst("figure[data-picture=without-cross-tie]");
        Element matchRates = html.selectFirst("figure[data-picture=under-connected]");
        assertEquals(List.of("100%", AnalyticsTables.SUPPRESSED), matchRates.select("g.bar text.bar-value").eachText(),
                "the under-connected were all matched; the others, under 5, have no bar");
        assertEquals(1, matchRates.select("g.bar rect").size());
        assertEquals(1, bars.select("g.bar").size());
        assertEquals(html.select("table[data-table=without-cross-tie] tbody tr td").last().text(),
                bars.selectFirst("g.bar text.bar-value").text(), "the bar writes the table's 'after the round'");
        for (Element figure : List.of(heatMap, network, bars, matchRates)) {
            Element svg = figure.selectFirst("svg");
            assertEquals("img", svg.attr("role"));
            assertFalse(svg.select("title").isEmpty() || svg.select("desc").isEmpty(), "a title and desc for screen readers");
            String table = figure.parent().attr("aria-labelledby");
            assertFalse(figure.select("figcaption a[href=#" + table + "]").isEmpty(), table + ": the caption points to its table");
            assertFalse(figure.select("figcaption a[href=" + base + "/" + table + ".csv]").isEmpty(), table + ": and its CSV");
        }
        assertTrue(html.select("[style]").isEmpty() && html.select("style").isEmpty(), "the CSP allows no inline style");
    }

    /** Department names come from admins: the pictures escape them like the tables do. */
    @Test
    void departmentNamesAreEscapedInThePictures() {
        String evil = "<script>alert(1)</script>";
        NetworkFigures figures = AnalyticsPicturesTest.figures(List.of(new NetworkFigures.TieCell(evil, "Sales", false, 6)),
                List.of(new NetworkFigures.RoundReach(evil, 10, 10, 4)));
        AnalyticsPictures pictures = AnalyticsPictures.of(figures);
        AnalyticsTables.Table table = AnalyticsTables.find(figures, "department-ties").orElseThrow();
        String page = Stream.of("tags/analyticsHeatMap", "tags/analyticsNetwork", "tags/analyticsBars")
                .map(tag -> qute.getTemplate(tag).data("map", pictures.heatMap()).data("net", pictures.network())
                        .data("chart", pictures.withoutCrossTie()).data("table", table).data("base", "/analytics").render())
                .collect(Collectors.joining());
        Document html = Jsoup.parse(page);
        assertTrue(html.select("script:not([src])").isEmpty());
        assertTrue(html.select("figure[data-picture=network] g.network-node title").eachText().contains(evil));
        assertTrue(html.select("figure[data-picture=heat-map] .heat-label title").eachText().contains(evil));
        assertEquals(AnalyticsPictures.shortName(evil, 11), html.select("g.bar text").last().text());
        assertEquals("6", html.selectFirst("g.heat-cell text").text());
        assertEquals(1, html.select("g.network-edge").size());
        assertEquals(evil + " and Sales: 6 ties",
                html.selectFirst("g.network-edge title").text());
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String group) {
        return rows.stream().filter(r -> group.equals(r.get("group"))).findFirst().orElseThrow();
    }

    private static String cell(Document html, String table, String group, int column) {
        return html.select("table[data-table=" + table + "] tbody tr").stream()
                .filter(tr -> tr.child(0).text().equals(group)).findFirst().orElseThrow().child(column).text();
    }
}
