package io.bridgeway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;

/** The availability grid: 06:00-22:00, whole days and hours toggled by the server without JavaScript. */
@QuarkusTest
class AvailabilityGridTest {

    static final String SIGNUP_FORM = "form[action=/signup]";

    @Test
    void theGridCoversSixToTwentyTwoOnEveryWorkday() {
        Document page = new WebSession().page("/signup");
        List<String> hours = page.select("table.availability tbody th").eachText();
        assertEquals(16, hours.size());
        assertEquals("06:00", hours.get(0));
        assertEquals("21:00", hours.get(15), "the last row is 21:00-22:00");
        assertEquals(80, page.select("input[name=availability]").size());
        assertTrue(page.select("input[name=availability][value=MON-06]").first().parent().text().contains("Monday 06:00-07:00"));
        assertTrue(page.select("input[name=availability][value=FRI-21]").first().parent().text().contains("Friday 21:00-22:00"));
        assertEquals("/js/availability.js", page.select("#availability script").attr("src"), "an external script file");
        // Enter in a text field must submit the form, not toggle a day: the first submit button is the plain one
        Element first = page.select(SIGNUP_FORM + " button[type=submit]").first();
        assertEquals("", first.attr("name"));
    }

    @Test
    void earlyAndLateHoursAreStoredAndOutsideTheGridIsRefused() {
        String email = WebSession.uniqueEmail("grid");
        WebSession.signedUp(email, WebSession.with("availability", List.of("MON-06", "FRI-21")));
        assertEquals(List.of("FRI-21", "MON-06"), availabilityOf(email));

        for (String slot : List.of("MON-05", "MON-22", "SAT-10")) {
            String outside = WebSession.uniqueEmail("outside");
            Map<String, Object> form = WebSession.validSignup(outside);
            form.put("availability", List.of("MON-09", slot));
            Response refused = new WebSession().submit("/signup", "/signup", form);
            assertEquals(400, refused.statusCode());
            Document page = Jsoup.parse(refused.asString());
            assertTrue(page.select("#availability-error").text().contains("Unknown time block '" + slot + "'"),
                    page.select("#availability-error").text());
            assertEquals(1, page.select(".error-summary li").size(), "only the grid is wrong");
            assertNull(QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(outside)), "nothing stored");
        }
    }

    @Test
    void withoutJavaScriptAWholeDayOrHourIsToggledByTheServerAndNothingIsSaved() {
        String email = WebSession.uniqueEmail("toggle");
        WebSession session = new WebSession();
        Map<String, Object> typed = WebSession.validSignup(email);
        typed.put("availability", List.of("TUE-09"));
        Document page = session.page("/signup");

        Response tuesday = session.post("/signup", WebSession.formData(page, SIGNUP_FORM,
                with(typed, "toggle", "day:TUE")));
        assertEquals(200, tuesday.statusCode(), "the form again, to go on editing");
        page = Jsoup.parse(tuesday.asString());
        assertEquals(16, page.select("input[data-day=TUE][checked]").size(), "every Tuesday hour ticked");
        assertEquals(16, page.select("input[name=availability][checked]").size());
        assertEquals(email, page.select("#email").attr("value"), "what was typed is kept");
        assertEquals("", page.select("#password").attr("value"), "but never the password");
        assertTrue(page.select(".error-summary").isEmpty(), "a toggle is not a submission: no errors");
        assertNull(QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(email)), "nothing saved yet");

        page = Jsoup.parse(session.post("/signup", WebSession.formData(page, SIGNUP_FORM,
                Map.of("toggle", "hour:21", "password", WebSession.PASSWORD))).asString());
        assertEquals(5, page.select("input[data-hour=21][checked]").size());
        page = Jsoup.parse(session.post("/signup", WebSession.formData(page, SIGNUP_FORM,
                Map.of("toggle", "day:TUE"))).asString());
        assertEquals(0, page.select("input[data-day=TUE][checked]").size(), "all ticked: the second press clears the day");
        assertEquals(4, page.select("input[name=availability][checked]").size(), "the 21:00 row of the other days stays");

        Response unknown = session.post("/signup", WebSession.formData(page, SIGNUP_FORM, Map.of("toggle", "day:SUN")));
        assertEquals(200, unknown.statusCode(), "an unknown toggle flips nothing and saves nothing");
        assertEquals(4, Jsoup.parse(unknown.asString()).select("input[name=availability][checked]").size());

        Response saved = session.post("/signup", WebSession.formData(page, SIGNUP_FORM,
                Map.of("password", WebSession.PASSWORD)));
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals(List.of("FRI-21", "MON-21", "THU-21", "WED-21"), availabilityOf(email));
    }

    @Test
    void theProfileEditTogglesWithoutSaving() {
        String email = WebSession.uniqueEmail("edit-toggle");
        WebSession session = WebSession.signedUp(email, Map.of());
        Document edit = session.page("/profile/edit");
        Response toggled = session.post("/profile/edit", WebSession.formData(edit, "form[action=/profile/edit]",
                Map.of("toggle", "hour:07")));
        assertEquals(200, toggled.statusCode());
        Document page = Jsoup.parse(toggled.asString());
        assertEquals(5, page.select("input[data-hour='07'][checked]").size());
        assertEquals(List.of("MON-09", "MON-10", "WED-14"), availabilityOf(email), "not saved by a toggle");

        Response saved = session.post("/profile/edit", WebSession.formData(page, "form[action=/profile/edit]", Map.of()));
        assertEquals(303, saved.statusCode(), saved.asString());
        assertEquals(8, availabilityOf(email).size());
    }

    private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(fields);
        copy.put(name, value);
        return copy;
    }

    static List<String> availabilityOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> List.copyOf(new TreeSet<>(Person.findByEmail(email).availability)));
    }
}
