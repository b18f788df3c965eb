package io.bridgeway.exports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.audit.AuditEntry;
import io.bridgeway.people.Person;
import io.bridgeway.rounds.RoundCircle;
import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A round of a programme with both pairs and circles, exported in every format and read back (Commons CSV,
 * POI, ical4j) against the database: one row per pair, per circle member and per meeting, one event per
 * dated meeting. One mentor is named like a spreadsheet formula.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundExportTest {

    static final String FORMULA_NAME = "=cmd|' /C calc'!A0";
    /** No comma or quote, so an unquoted CSV cell; a spreadsheet that splits on ; would start a cell with =. */
    static final String SEMICOLON_NAME = "Ann;=cmd|'/C calc'!A0";

    WebSession pm;
    long roundId;
    List<String> mentees = new ArrayList<>();

    /** Made once, by the first test (RestAssured knows the random test port only once a test runs). */
    @BeforeEach
    void solvedDraftRound() {
        if (pm != null) {
            return;
        }
        pm = WebSession.withRole("exportpm", Role.PROGRAM_MANAGER);
        int programId = RoundLifecycleTest.as(pm.email).body("""
                {"name": "Export both", "type": "BOTH", "enrollmentOpens": "%s", "enrollmentCloses": "%s",
                 "circleRounds": 2, "circleCadenceWeeks": 4, "circleStartDate": "%s", "groupMin": 3, "groupMax": 4}
                """.formatted(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), LocalDate.now().plusWeeks(2)))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
        List<String> mentors = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mentors.add(person("exportmentor", "6", i % 2 == 0 ? "5" : "8"));
        }
        for (int i = 0; i < 4; i++) {
            mentees.add(person("exportmentee", "2", "1"));
        }
        for (int i = 0; i < 7; i++) {
            members.add(person("exportmember", String.valueOf(1 + i % 6), String.valueOf(1 + i % 4)));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Person.findByEmail(mentors.get(0)).fullName = FORMULA_NAME;
            Person.findByEmail(mentees.get(0)).fullName = SEMICOLON_NAME;
        });
        enroll(programId, mentors, "{\"asMentor\": true, \"mentorCapacity\": 2, \"emails\": %s}");
        enroll(programId, mentees, "{\"asMentee\": true, \"emails\": %s}");
        enroll(programId, members, "{\"asCircleMember\": true, \"emails\": %s}");
        roundId = RoundLifecycleTest.start(pm.email, programId);
        RoundLifecycleTest.awaitSolved(pm.email, roundId);
    }

    private static String person(String prefix, String level, String department) {
        String email = WebSession.uniqueEmail(prefix);
        WebSession.signedUp(email, WebSession.with("level", level, "departmentId", department,
                "fullName", prefix + " " + email.substring(prefix.length() + 1, prefix.length() + 5)));
        return email;
    }

    private void enroll(int programId, List<String> emails, String template) {
        String list = emails.stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(",", "[", "]"));
        RoundLifecycleTest.as(pm.email).body(template.formatted(list))
                .post("/api/v1/programs/" + programId + "/enrollments").then().statusCode(200);
    }

    private Response export(String format, String what) {
        return RoundLifecycleTest.as(pm.email).get("/api/v1/rounds/" + roundId + "/export?format=" + format + "&what=" + what);
    }

    // --- what the database holds ---

    /** "pairId mentorEmail menteeEmail" per pair. */
    private Set<String> pairsInDatabase() {
        return QuarkusTransaction.requiringNew().call(() -> RoundPair.<RoundPair>list("round.id", roundId).stream()
                .map(p -> p.id + " " + p.mentor.email + " " + p.mentee.email).collect(Collectors.toSet()));
    }

    /** "circleId memberEmail" per circle member. */
    private Set<String> circleMembersInDatabase() {
        return QuarkusTransaction.requiringNew().call(() -> RoundCircle.<RoundCircle>list("round.id", roundId).stream()
                .flatMap(c -> c.members.stream().map(m -> c.id + " " + m.person.email)).collect(Collectors.toSet()));
    }

    private long circlesInDatabase() {
        return QuarkusTransaction.requiringNew().call(() -> RoundCircle.count("round.id", roundId));
    }

    // --- read back ---

    private static List<CSVRecord> csv(Response response) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.asString()))) {
            return parser.getRecords();
        }
    }

    private static List<String> csvHeaders(Response response) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(response.asString()))) {
            return parser.getHeaderNames();
        }
    }

    /** The sheet's rows as header name to cell text; checks the header row first. */
    private static List<Map<String, Cell>> xlsx(Response response, ExportContent content) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = workbook.getSheet(content.slug());
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertEquals(content.headers, headers);
            List<Map<String, Cell>> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, Cell> cells = new java.util.HashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    if (row.getCell(c) != null) {
                        cells.put(headers.get(c), row.getCell(c));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static String text(Map<String, Cell> row, String column) {
        return row.containsKey(column) ? new DataFormatter().formatCellValue(row.get(column)) : "";
    }

    private static List<VEvent> ics(Response response) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(response.asByteArray()));
        assertEquals("PUBLISH", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        return calendar.getComponents("VEVENT");
    }

    private static Set<String> attendees(VEvent event) {
        return event.<Property>getProperties(Property.ATTENDEE).stream()
                .map(p -> p.getValue().replace("mailto:", "")).collect(Collectors.toSet());
    }

    // --- tests ---

    @Test
    void pairsReadBackFromCsvXlsxAndIcsMatchTheDatabase() throws Exception {
        Set<String> pairs = pairsInDatabase();
        assertEquals(4, pairs.size(), "3 mentors of capacity 2 take all 4 mentees");

        Response csv = export("csv", "pairs");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"round-" + roundId + "-pairs-DRAFT.csv\"");
        assertEquals(ExportContent.PAIRS.headers, csvHeaders(csv));
        List<CSVRecord> rows = csv(csv);
        assertEquals(pairs, rows.stream().map(r -> r.get("pair_id") + " " + r.get("mentor_email") + " "
                + r.get("mentee_email")).collect(Collectors.toSet()));
        assertEquals(pairs.size(), rows.size(), "one row per pair");
        rows.forEach(r -> {
            assertEquals("DRAFT", r.get("round_status"));
            assertFalse(r.get("why").isBlank());
        });

        Response xlsx = export("xlsx", "pairs");
        xlsx.then().statusCode(200).header("Content-Disposition", containsString("round-" + roundId + "-pairs-DRAFT.xlsx"));
        List<Map<String, Cell>> sheet = xlsx(xlsx, ExportContent.PAIRS);
        assertEquals(pairs, sheet.stream().map(r -> text(r, "pair_id") + " " + text(r, "mentor_email") + " "
                + text(r, "mentee_email")).collect(Collectors.toSet()));
        assertEquals(pairs.size(), sheet.size());
        assertEquals(CellType.NUMERIC, sheet.get(0).get("pair_value").getCellType(), "numbers stay numbers");

        Response ics = export("ics", "pairs");
        ics.then().statusCode(200).contentType(containsString("text/calendar"))
                .header("Content-Disposition", containsString("round-" + roundId + "-pairs-DRAFT.ics"));
        List<VEvent> events = ics(ics);
        assertEquals(pairs.size(), events.size(), "everyone is free on Monday 9:00 Berlin: one kick-off per pair");
        Set<String> fromEvents = new HashSet<>();
        for (VEvent event : events) {
            String uid = event.getProperty(Property.UID).orElseThrow().getValue();
            String pairId = uid.replaceFirst("^round-" + roundId + "-pair-(\\d+)-.*$", "$1");
            Set<String> people = attendees(event);
            pairs.stream().filter(p -> p.startsWith(pairId + " ")).findFirst().ifPresent(p ->
                    assertEquals(Set.of(p.split(" ")[1], p.split(" ")[2]), people, "the pair's two people attend"));
            fromEvents.add(pairId);
        }
        assertEquals(pairs.stream().map(p -> p.split(" ")[0]).collect(Collectors.toSet()), fromEvents);
    }

    @Test
    void circlesHaveOneRowPerMemberAndOneEventPerMeeting() throws Exception {
        Set<String> members = circleMembersInDatabase();
        assertEquals(14, members.size(), "7 members at each of 2 meetings");

        Response csv = export("csv", "circles");
        csv.then().statusCode(200);
        assertEquals(ExportContent.CIRCLES.headers, csvHeaders(csv));
        List<CSVRecord> rows = csv(csv);
        assertEquals(members, rows.stream().map(r -> r.get("circle_id") + " " + r.get("member_email"))
                .collect(Collectors.toSet()));
        assertEquals(members.size(), rows.size(), "one row per circle member");
        rows.forEach(r -> assertFalse(r.get("meeting_start_utc").isBlank(), "free at any hour: every circle is dated"));

        List<Map<String, Cell>> sheet = xlsx(export("xlsx", "circles"), ExportContent.CIRCLES);
        assertEquals(members, sheet.stream().map(r -> text(r, "circle_id") + " " + text(r, "member_email"))
                .collect(Collectors.toSet()));
        assertEquals(members.size(), sheet.size());

        List<VEvent> events = ics(export("ics", "circles"));
        assertEquals(circlesInDatabase(), events.size(), "one event per circle meeting");
        for (VEvent event : events) {
            String circleId = event.getProperty(Property.UID).orElseThrow().getValue()
                    .replaceFirst("^round-" + roundId + "-circle-(\\d+)-.*$", "$1");
            assertEquals(members.stream().filter(m -> m.startsWith(circleId + " ")).map(m -> m.split(" ")[1])
                    .collect(Collectors.toSet()), attendees(event));
        }
    }

    @Test
    void scheduleHasOneRowPerMeetingInEveryFormat() throws Exception {
        int pairs = pairsInDatabase().size();
        long circles = circlesInDatabase();

        Response csv = export("csv", "schedule");
        assertEquals(ExportContent.SCHEDULE.headers, csvHeaders(csv));
        List<CSVRecord> rows = csv(csv);
        assertEquals(pairs + circles, rows.size(), "a kick-off per pair and a meeting per circle");
        assertEquals(pairs, rows.stream().filter(r -> r.get("kind").equals("pair_kickoff")).count());
        assertEquals(circles, rows.stream().filter(r -> r.get("kind").equals("circle_meeting")).count());
        rows.forEach(r -> assertFalse(r.get("start_utc").isBlank(), r.toString()));

        assertEquals(pairs + circles, xlsx(export("xlsx", "schedule"), ExportContent.SCHEDULE).size());
        assertEquals(pairs + circles, ics(export("ics", "schedule")).size());
    }

    @Test
    void aNameThatLooksLikeAFormulaIsExportedAsText() throws Exception {
        Response csv = export("csv", "pairs");
        assertTrue(csv(csv).stream().anyMatch(r -> r.get("mentor_name").equals("'" + FORMULA_NAME)),
                "the name is kept, behind an apostrophe");
        assertFalse(csv.asString().lines().anyMatch(line -> line.startsWith("=") || line.contains(",=")
                || line.contains(",\"=")), "no cell starts with =");

        List<Map<String, Cell>> sheet = xlsx(export("xlsx", "pairs"), ExportContent.PAIRS);
        Cell cell = sheet.stream().map(r -> r.get("mentor_name"))
                .filter(c -> c.getStringCellValue().contains("cmd")).findFirst().orElseThrow();
        assertEquals(CellType.STRING, cell.getCellType());
        assertEquals("'" + FORMULA_NAME, cell.getStringCellValue());
    }

    @Test
    void aFormulaAfterASemicolonIsNeutralisedAndEveryCsvCellIsQuoted() throws Exception {
        Response csv = export("csv", "pairs");
        String body = csv.asString();
        List<CSVRecord> rows = csv(csv);
        assertTrue(rows.stream().anyMatch(r -> r.get("mentee_name").equals("Ann;'=cmd|'/C calc'!A0")),
                "the name is kept, an apostrophe before the formula");
        assertTrue(body.contains("\"Ann;'=cmd|'/C calc'!A0\""), "in quotes");
        assertTrue(body.startsWith(ExportContent.PAIRS.headers.stream().map(h -> '"' + h + '"')
                .collect(Collectors.joining(","))), "every cell is quoted, the headers too");
        for (CSVRecord row : rows) {
            for (String field : row) {
                for (String piece : field.split("[;\t]", -1)) {
                    assertFalse(startsAFormula(piece.stripLeading()), field);
                }
            }
        }
        // a spreadsheet that ignores the quotes and splits on ; , or a tab starts no cell with a formula either
        body.lines().flatMap(line -> Stream.of(line.split("[;,\t]", -1))).map(piece -> piece.replace("\"", ""))
                .forEach(piece -> assertFalse(startsAFormula(piece.stripLeading()), piece));
    }

    /** A formula start; a plain (negative) number is a number. */
    private static boolean startsAFormula(String cell) {
        return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?");
    }

    @Test
    void everyExportIsAuditedWithWhoWhichRoundAndFormat() {
        export("xlsx", "circles").then().statusCode(200);
        List<AuditEntry> entries = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "action = 'ROUND_EXPORTED' and subjectId = ?1 and details like ?2", roundId, "format=xlsx what=circles%"));
        assertFalse(entries.isEmpty());
        AuditEntry entry = entries.get(entries.size() - 1);
        assertEquals(pm.email, entry.actorEmail);
        assertEquals("ROUND", entry.subjectType);
        assertTrue(entry.details.contains("status=DRAFT"), entry.details);
    }

    @Test
    void badFormatOrContentIs400UnknownRound404AndEmployees403() {
        export("pdf", "pairs").then().statusCode(400).contentType(containsString("json"))
                .body("error", equalTo("format must be csv, xlsx or ics, not 'pdf'.")).body("field", equalTo("format"));
        export("csv", "ratings").then().statusCode(400)
                .body("error", equalTo("what must be pairs, circles or schedule, not 'ratings'.")).body("field", equalTo("what"));
        RoundLifecycleTest.as(pm.email).get("/api/v1/rounds/" + roundId + "/export").then().statusCode(400)
                .body("field", equalTo("format"));
        RoundLifecycleTest.as(pm.email).get("/api/v1/rounds/99999999/export?format=csv&what=pairs").then().statusCode(404);
        RoundLifecycleTest.as(pm.email).get("/api/v1/rounds/abc/export?format=csv&what=pairs").then().statusCode(400);
        RoundLifecycleTest.as(mentees.get(0)).get("/api/v1/rounds/" + roundId + "/export?format=csv&what=pairs")
                .then().statusCode(403);
        long refused = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = 'ROUND_EXPORTED' and subjectId = 99999999"));
        assertEquals(0, refused, "a refused export is not recorded");
    }

    @Test
    void theRoundPageLinksEveryExportAndTheLinksDownload() {
        Document page = pm.page("/rounds/" + roundId);
        List<String> links = page.select("#exports + .actions a").eachAttr("href");
        for (String what : List.of("pairs", "circles", "schedule")) {
            for (String format : List.of("csv", "xlsx", "ics")) {
                assertTrue(links.contains("/rounds/" + roundId + "/export?format=" + format + "&what=" + what), links.toString());
            }
        }
        pm.get("/rounds/" + roundId + "/export?format=csv&what=schedule").then().statusCode(200)
                .header("Content-Disposition", containsString("round-" + roundId + "-schedule-DRAFT.csv"));
        pm.get("/rounds/" + roundId + "/export?format=doc&what=schedule").then().statusCode(400);
        WebSession employee = new WebSession();
        employee.login(mentees.get(0), WebSession.PASSWORD);
        employee.get("/rounds/" + roundId + "/export?format=csv&what=pairs").then().statusCode(403);
    }

    @Test
    void aPublishedRoundsFilesAreNotMarkedDraft() throws Exception {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("exportpub", 2, 2);
        long published = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), published);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + published + "/publish").then().statusCode(200);

        Response csv = RoundLifecycleTest.as(c.pm()).get("/api/v1/rounds/" + published + "/export?format=csv&what=schedule");
        csv.then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"round-" + published + "-schedule.csv\"");
        List<CSVRecord> rows = csv(csv);
        assertEquals(2, rows.size(), "a kick-off per pair");
        rows.forEach(r -> assertEquals("PUBLISHED", r.get("round_status")));
    }
}
