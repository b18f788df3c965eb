package io.bridgeway.programs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.rounds.RoundProblems;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every setting of {@link ProgramSettings} goes through the form, the JSON API and into the solver's settings,
 * and a new programme holds the canonical model. A new weight needs no change here: it is in the list.
 */
@QuarkusTest
class ProgramSettingsTest {

    @Test
    void newProgrammesHoldTheCanonicalModel() {
        PairingSettings canonical = PairingSettings.defaults();
        Program fresh = new Program();
        // a programme remembers 10 earlier rounds; MODEL.md counts all of them
        assertEquals(new PairingSettings(canonical.minLevelGap(), canonical.crossDepartment(),
                canonical.maxOffsetDiffMinutes(), canonical.goalSkillWeight(), canonical.crossDepartmentBonus(),
                canonical.offsetPenaltyPer30Min(), canonical.levelGapPenaltyThreshold(),
                canonical.levelGapPenaltyPerLevel(), canonical.previousPairPenalty(), 10,
                canonical.matchedPriorityWeight(), canonical.continuityBonus()), fresh.pairing.toSettings());
        // MODEL.md's circle weights; the senior rule is on at level 5
        assertEquals(CirclesSettings.withSeniorLevel(5), fresh.circles.toSettings());
    }

    @Test
    void everySettingRoundTripsThroughFormJsonAndSolverSettings() {
        WebSession manager = WebSession.withRole("pmsettings", Role.PROGRAM_MANAGER);
        Document blank = manager.page("/programs/new");
        Map<String, Object> form = ProgramPagesTest.programForm("Every setting");
        Map<String, Object> json = new LinkedHashMap<>(Map.of("name", "Every setting (API)", "type", "BOTH",
                "enrollmentOpens", LocalDate.now().toString(), "enrollmentCloses", LocalDate.now().plusDays(9).toString()));
        Program expected = new Program();
        for (ProgramSettings.Setting s : ProgramSettings.ALL) {
            if (s.kind != ProgramSettings.Kind.DATE) { // dates default to a day relative to today
                assertEquals(s.defaultText(), shown(blank, s), s.name + ": the form starts at the canonical default");
            }
            Object changed = otherThanDefault(s);
            Program alone = new Program();
            s.write(alone, changed);
            assertNotEquals(solverInputs(new Program()), solverInputs(alone), s.name + " reaches the solver");
            s.write(expected, changed);
            form.remove(s.name);
            if (!(s.checkbox() && Boolean.FALSE.equals(changed))) {
                form.put(s.name, text(changed));
            }
            json.put(s.name, changed instanceof Enum<?> e ? e.name() : changed instanceof LocalDate d ? d.toString() : changed);
        }

        long viaForm = ProgramPagesTest.createProgram(manager, form);
        Document edit = manager.page("/programs/" + viaForm + "/edit");
        JsonPath read = ProgramApiTest.as(manager.email).get("/api/v1/programs/" + viaForm).jsonPath();
        int viaJson = ProgramApiTest.as(manager.email).body(json).post("/api/v1/programs")
                .then().statusCode(201).extract().path("id");
        for (long id : List.of(viaForm, (long) viaJson)) {
            Program stored = QuarkusTransaction.requiringNew().call(() -> Program.findById(id));
            assertEquals(solverInputs(expected), solverInputs(stored), "stored programme " + id);
        }
        for (ProgramSettings.Setting s : ProgramSettings.ALL) {
            assertEquals(s.text(expected), shown(edit, s), s.name + " shown back on the edit form");
            assertEquals(String.valueOf(s.json(expected)), String.valueOf(read.<Object>get(s.name)), s.name + " in JSON");
        }
    }

    @Test
    void anEditOfOneWeightIsStored() {
        WebSession manager = WebSession.withRole("pmoneweight", Role.PROGRAM_MANAGER);
        long id = ProgramPagesTest.createProgram(manager, ProgramPagesTest.programForm("One weight"));
        String edit = "/programs/" + id + "/edit";
        Map<String, Object> form = io.bridgeway.security.ConcurrentEditsGetConflictNotServerErrorTest.formOf(
                manager.page(edit), "form[action=" + edit + "]", Map.of("weightTimezoneSpread", "7"));
        assertEquals(303, manager.post(edit, form).statusCode());
        assertEquals(7, QuarkusTransaction.requiringNew().call(
                () -> Program.<Program>findById(id).circles.weightTimezoneSpread));
    }

    @Test
    void everyNumberOutOfRangeGetsItsOwnMessageAndNothingIsStored() {
        WebSession manager = WebSession.withRole("pmranges", Role.PROGRAM_MANAGER);
        Map<String, Object> form = ProgramPagesTest.programForm("Out of range");
        List<ProgramSettings.Setting> numbers = ProgramSettings.ALL.stream()
                .filter(s -> s.kind == ProgramSettings.Kind.NUMBER).toList();
        numbers.forEach(s -> form.put(s.name, String.valueOf(s.max + 1)));
        long before = ProgramPagesTest.count();
        Response response = manager.submit("/programs/new", "/programs/new", form);
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        for (ProgramSettings.Setting s : numbers) {
            assertTrue(page.select("#" + s.name + "-error").text().contains("from " + s.min + " to " + s.max), s.name);
            assertEquals(String.valueOf(s.max + 1), page.select("input#" + s.name).attr("value"), "shown as typed");
        }
        Map<String, Object> json = new LinkedHashMap<>(Map.of("name", "Out of range", "type", "BOTH",
                "enrollmentOpens", LocalDate.now().toString(), "enrollmentCloses", LocalDate.now().toString()));
        numbers.forEach(s -> json.put(s.name, s.max + 1));
        JsonPath refused = ProgramApiTest.as(manager.email).body(json).post("/api/v1/programs")
                .then().statusCode(400).extract().jsonPath();
        numbers.forEach(s -> assertTrue(refused.getString("fields." + s.name).contains("to " + s.max), s.name));
        assertEquals(before, ProgramPagesTest.count(), "nothing stored");
    }

    /** Everything the solver is given from a programme. */
    /** What a round reads from its programme: the solvers' settings, and the round length the surveys follow. */
    private static List<Object> solverInputs(Program p) {
        return List.of(p.pairing.toSettings(), p.circles.toSettings(), RoundProblems.calendar(p), p.circleRounds,
                p.groupMin, p.groupMax, p.roundLengthWeeks);
    }

    /** A valid value other than the default of a new programme. */
    private static Object otherThanDefault(ProgramSettings.Setting s) {
        Program fresh = new Program();
        return switch (s.kind) {
            case NUMBER -> {
                int current = Integer.parseInt(s.defaultText());
                yield current == s.max ? s.max - 1 : current + 1;
            }
            case CHECKBOX -> !Boolean.parseBoolean(s.defaultText());
            case DATE -> LocalDate.now().plusWeeks(6);
            case CHOICE -> s.parse(s.options.stream().map(ProgramSettings.Option::value)
                    .filter(v -> !v.equals(s.text(fresh))).findFirst().orElseThrow(), new io.bridgeway.web.FormErrors());
        };
    }

    private static String text(Object value) {
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

    /** The value the form shows for a setting, as the browser would send it. */
    private static String shown(Document page, ProgramSettings.Setting s) {
        if (s.checkbox()) {
            return String.valueOf(page.selectFirst("input[name=" + s.name + "]").hasAttr("checked"));
        }
        if (s.choice()) {
            Element checked = page.selectFirst("input[name=" + s.name + "][checked]");
            return checked == null ? null : checked.attr("value");
        }
        String value = page.selectFirst("input[name=" + s.name + "]").attr("value");
        return value.isEmpty() ? null : value;
    }
}
