package io.bridgeway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Two people (or two tabs) save the same thing at the same moment from the same version. When both
 * pass the version check, the loser fails only at commit; that too must be a 409, never a 500.
 */
@QuarkusTest
public class ConcurrentEditsGetConflictNotServerErrorTest {

    static final int RACES = 6;

    /** Runs both saves at once; returns their statuses, sorted. */
    public static List<Response> race(Supplier<Response> first, Supplier<Response> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> await(start, first));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> await(start, second));
        List<Response> responses = new ArrayList<>(List.of(a.join(), b.join()));
        responses.sort((x, y) -> Integer.compare(x.statusCode(), y.statusCode()));
        return responses;
    }

    private static Response await(CyclicBarrier start, Supplier<Response> save) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return save.get();
    }

    /** The fields a browser would send for the form at {@code selector}, with any changes applied. */
    public static Map<String, Object> formOf(Document page, String selector, Map<String, String> changes) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Element form = page.selectFirst(selector);
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            String value = input.tagName().equals("select")
                    ? input.select("option[selected]").attr("value")
                    : input.tagName().equals("textarea") ? input.text() : input.attr("value");
            fields.computeIfAbsent(input.attr("name"), k -> new ArrayList<>()).add(value);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((name, values) -> body.put(name, values.size() == 1 ? values.get(0) : values));
        body.putAll(changes);
        return body;
    }

    public static void assertOneSavedOneConflict(List<Response> responses, int saved, String what) {
        assertEquals(saved, responses.get(0).statusCode(), what + ": " + responses.get(0).asString());
        Response loser = responses.get(1);
        assertEquals(409, loser.statusCode(), what + " lost the race with " + loser.statusCode() + ": "
                + loser.asString());
        assertTrue(loser.asString().toLowerCase().contains("reload"), what + ": " + loser.asString());
    }

    @Test
    void racingProfileEditsGiveOneSaveAndOneConflictPage() {
        String email = WebSession.uniqueEmail("raceprofile");
        WebSession.signedUp(email, Map.of());
        for (int i = 0; i < RACES; i++) {
            WebSession tab1 = new WebSession();
            tab1.login(email, WebSession.PASSWORD);
            WebSession tab2 = new WebSession();
            tab2.login(email, WebSession.PASSWORD);
            Map<String, Object> one = formOf(tab1.page("/profile/edit"), "form[action=/profile/edit]",
                    Map.of("fullName", "Tab One " + i));
            Map<String, Object> two = formOf(tab2.page("/profile/edit"), "form[action=/profile/edit]",
                    Map.of("fullName", "Tab Two " + i));
            assertOneSavedOneConflict(race(() -> tab1.post("/profile/edit", one), () -> tab2.post("/profile/edit", two)),
                    303, "profile race " + i);
        }
    }

    @Test
    void racingProgrammeEditsGiveOneSaveAndOneConflictPage() {
        WebSession pm1 = WebSession.withRole("racepm1", Role.PROGRAM_MANAGER);
        WebSession pm2 = WebSession.withRole("racepm2", Role.PROGRAM_MANAGER);
        int programId = given().auth().preemptive().basic(pm1.email, WebSession.PASSWORD).contentType("application/json")
                .body("""
                        {"name": "Raced", "type": "MENTORING", "enrollmentOpens": "%s", "enrollmentCloses": "%s"}
                        """.formatted(LocalDate.now(), LocalDate.now().plusDays(30)))
                .post("/api/v1/programs").then().statusCode(201).extract().path("id");
        String edit = "/programs/" + programId + "/edit";
        for (int i = 0; i < RACES; i++) {
            Map<String, Object> one = formOf(pm1.page(edit), "form[action=" + edit + "]", Map.of("name", "By one " + i));
            Map<String, Object> two = formOf(pm2.page(edit), "form[action=" + edit + "]", Map.of("name", "By two " + i));
            assertOneSavedOneConflict(race(() -> pm1.post(edit, one), () -> pm2.post(edit, two)), 303,
                    "programme race " + i);
        }
    }
}
