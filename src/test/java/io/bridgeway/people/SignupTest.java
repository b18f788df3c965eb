package io.bridgeway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.security.Passwords;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignupTest {

    @Test
    void signUpStoresTheWholeProfileAndSignsThePersonIn() {
        String email = WebSession.uniqueEmail("happy");
        WebSession session = new WebSession();
        Map<String, Object> form = WebSession.validSignup(email.toUpperCase());
        Response response = session.submit("/signup", "/signup", form);

        assertEquals(303, response.statusCode());
        assertEquals("/profile", java.net.URI.create(response.header("Location")).getPath());
        assertTrue(session.hasCookie("bw-session"), "sign-up starts a session");
        Response next = session.get(response.header("Location"));
        assertEquals(200, next.statusCode(), "the next page is served to a signed-in person, not a login redirect");
        Document profile = Jsoup.parse(next.asString());
        assertTrue(profile.select(".flash").text().contains("Welcome to Bridgeway"), profile.select(".flash").text());
        assertTrue(profile.select("form[action=/logout]").text().contains("Test Person"), "the layout shows who is signed in");
        assertEquals(303, session.get("/signup").statusCode(), "a signed-in person is not offered sign-up again");

        Stored stored = stored(email);
        assertNotNull(stored, "the person is stored under the lower-cased email");
        assertEquals("Engineering", stored.department);
        assertEquals(3, stored.level);
        assertEquals("Berlin", stored.office);
        assertEquals("Europe/Berlin", stored.timeZone);
        assertEquals(List.of("de", "en"), stored.languages);
        assertEquals(Map.of("java", 3, "public-speaking", 1), stored.skills);
        assertEquals(List.of("leadership", "negotiation"), stored.goals);
        assertEquals(List.of("MON-09", "MON-10", "WED-14"), stored.availability);
        assertTrue(stored.wantsToMentor && stored.wantsMentor && stored.wantsCircle);
        assertEquals(2, stored.mentorCapacity);
        assertEquals(List.of("EMPLOYEE"), stored.roles);
        assertTrue(stored.passwordHash.startsWith("$2"), "bcrypt hash");
        assertTrue(Passwords.matches(WebSession.PASSWORD, stored.passwordHash));
    }

    @Test
    void eachInvalidFieldGetsItsOwnMessageAndNothingIsStored() {
        String email = WebSession.uniqueEmail("bad");
        Map<String, Object> form = WebSession.validSignup(email);
        form.put("fullName", "x".repeat(121));
        form.put("password", "short");
        form.put("departmentId", "9999");
        form.put("level", "9");
        form.put("managerEmail", "nobody-here@example.com");
        form.put("officeId", "");
        form.put("timeZone", "Mars/Olympus");
        form.put("languages", List.of());
        form.put("skillName", List.of("java", "go"));
        form.put("skillLevel", List.of("7", ""));
        form.put("goals", "ok, <script>");
        form.put("bio", "b".repeat(1001));
        form.put("availability", List.of("SUN-03"));
        form.put("wantsToMentor", "true");
        form.put("mentorCapacity", "6");

        WebSession session = new WebSession();
        Response response = session.submit("/signup", "/signup", form);
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        Map<String, String> expected = Map.ofEntries(
                Map.entry("fullName", "at most 120 characters"),
                Map.entry("password", "at least 12 characters"),
                Map.entry("departmentId", "Choose your department"),
                Map.entry("level", "from 1 to 8"),
                Map.entry("managerEmail", "No colleague with the email nobody-here@example.com"),
                Map.entry("officeId", "Choose your office"),
                Map.entry("timeZone", "Unknown time zone 'Mars/Olympus'"),
                Map.entry("languages", "at least one language"),
                Map.entry("skills", "proficiency from 1 to 3"),
                Map.entry("goals", "Goal '<script>'"),
                Map.entry("bio", "at most 1000 characters"),
                Map.entry("availability", "Unknown time block 'SUN-03'"),
                Map.entry("mentorCapacity", "from 1 to 5"));
        expected.forEach((field, message) -> {
            String shown = page.select("#" + field + "-error").text();
            assertTrue(shown.contains(message), field + ": " + shown);
            assertTrue(page.select(".error-summary a[href=#" + field + "]").size() == 1, "summary links " + field);
        });
        assertEquals(expected.size(), page.select(".error-summary li").size());
        // the user's input is kept (but never the password)
        assertEquals(email, page.select("input#email").attr("value"));
        assertEquals("Mars/Olympus", page.select("input#timeZone").attr("value"));
        assertEquals("", page.select("input#password").attr("value"));
        assertTrue(page.html().contains("&lt;script&gt;"), "user input is escaped");
        assertNull(stored(email), "nothing from an invalid submission is stored");
    }

    @Test
    void anEmptySubmitAsksOnlyForRequiredFieldsAndKeepsTheForm() {
        WebSession session = new WebSession();
        Document empty = session.page("/signup");
        assertEquals(ProfileForm.MIN_SKILL_ROWS, empty.select("input[name=skillName]").size());
        long people = countPeople();

        Response response = session.post("/signup", WebSession.formData(empty, "form[action=/signup]",
                Map.of("languages", List.of())));
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        for (String field : List.of("email", "fullName", "password", "departmentId", "level", "officeId", "languages")) {
            assertFalse(page.select("#" + field + "-error").text().isEmpty(), field + " has its message");
        }
        assertTrue(page.select("#timeZone-error").isEmpty(), "the time zone may be left empty, as its hint says: "
                + page.select("#timeZone-error").text());
        assertTrue(page.select("#timeZone").parents().select(".hint").text().contains("Leave empty"));
        assertEquals(ProfileForm.MIN_SKILL_ROWS, page.select("input[name=skillName]").size(),
                "the same number of skill rows after an error");
        assertEquals(people, countPeople(), "nothing stored");
    }

    @Test
    void skillRowsStayTheSameOverRepeatedErrors() {
        WebSession session = new WebSession();
        Document page = session.page("/signup");
        Map<String, Object> seven = Map.of("skillName", List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7"),
                "skillLevel", List.of("1", "2", "3", "1", "2", "3", "1"), "fullName", "");
        for (int attempt = 0; attempt < 3; attempt++) {
            Response response = session.post("/signup", WebSession.formData(page, "form[action=/signup]",
                    attempt == 0 ? seven : Map.of()));
            assertEquals(400, response.statusCode());
            page = Jsoup.parse(response.asString());
            assertEquals(9, page.select("input[name=skillName]").size(), "seven filled plus two empty, attempt " + attempt);
            assertEquals("a7", page.select("#skillName-6").attr("value"));
            assertEquals("1", page.select("#skillLevel-6 option[selected]").attr("value"));
        }
    }

    @Test
    void anEmptyTimeZoneIsTheOfficeZone() {
        String email = WebSession.uniqueEmail("zone");
        WebSession.signedUp(email, WebSession.with("timeZone", " ", "officeId", "4"));
        assertEquals("Europe/London", stored(email).timeZone);
    }

    @Test
    void duplicateEmailIsRejectedWhateverTheCase() {
        String email = WebSession.uniqueEmail("dup");
        WebSession.signedUp(email, Map.of());
        Response again = new WebSession().submit("/signup", "/signup", WebSession.validSignup(email.toUpperCase()));
        assertEquals(400, again.statusCode());
        assertTrue(Jsoup.parse(again.asString()).select("#email-error").text().contains("already exists"));
        assertEquals(1L, countByEmail(email));
    }

    @Test
    void malformedAndOverlongEmailsAreRejected() {
        Response malformed = new WebSession().submit("/signup", "/signup", WebSession.validSignup("not-an-email"));
        assertEquals(400, malformed.statusCode());
        assertTrue(Jsoup.parse(malformed.asString()).select("#email-error").text().contains("name@company.com"));
        String tooLong = "a".repeat(250) + "@example.com";
        Response overlong = new WebSession().submit("/signup", "/signup", WebSession.validSignup(tooLong));
        assertEquals(400, overlong.statusCode());
        assertTrue(Jsoup.parse(overlong.asString()).select("#email-error").text().contains("at most 254"));
    }

    @Test
    void managerMustBeAnExistingColleague() {
        String managerEmail = WebSession.uniqueEmail("boss");
        WebSession.signedUp(managerEmail, Map.of());
        String email = WebSession.uniqueEmail("report");
        WebSession.signedUp(email, WebSession.with("managerEmail", managerEmail));
        assertEquals(managerEmail, stored(email).managerEmail);
    }

    @Test
    void signupWithoutCsrfTokenIsRejectedAndStoresNothing() {
        String email = WebSession.uniqueEmail("csrf");
        WebSession session = new WebSession();
        session.get("/signup");
        Response response = session.post("/signup", WebSession.validSignup(email));
        assertTrue(response.statusCode() == 400 || response.statusCode() == 403, "status " + response.statusCode());
        assertNull(stored(email));
    }

    // --- database checks ---

    static class Stored {
        String fullName;
        String department;
        int level;
        String office;
        String timeZone;
        String managerEmail;
        List<String> languages;
        Map<String, Integer> skills;
        List<String> goals;
        List<String> availability;
        List<String> roles;
        boolean wantsToMentor;
        boolean wantsMentor;
        boolean wantsCircle;
        int mentorCapacity;
        String passwordHash;
    }

    @Transactional
    Stored stored(String email) {
        Person p = Person.findByEmail(email);
        if (p == null) {
            return null;
        }
        Stored s = new Stored();
        s.fullName = p.fullName;
        s.department = p.department.name;
        s.level = p.level;
        s.office = p.office.name;
        s.timeZone = p.timeZone;
        s.managerEmail = p.manager == null ? null : p.manager.email;
        s.languages = p.languages.stream().sorted().toList();
        s.skills = Map.copyOf(p.skills);
        s.goals = p.goals.stream().sorted().toList();
        s.availability = p.availability.stream().sorted().toList();
        s.roles = p.roles.stream().sorted().toList();
        s.wantsToMentor = p.wantsToMentor;
        s.wantsMentor = p.wantsMentor;
        s.wantsCircle = p.wantsCircle;
        s.mentorCapacity = p.mentorCapacity;
        s.passwordHash = p.passwordHash;
        return s;
    }

    @Transactional
    long countPeople() {
        return Person.count();
    }

    @Transactional
    long countByEmail(String email) {
        return Person.count("email", email);
    }

    @Test
    void controlCharactersInTextAreAFieldErrorAndNothingIsStored() {
        String email = WebSession.uniqueEmail("nul");
        Map<String, Object> form = WebSession.validSignup(email);
        form.put("fullName", "Ann\u0000");
        form.put("jobTitle", "Engineer\u0007");
        form.put("bio", "Line one\r\nLine two\tand a tab\u001b");
        Response response = new WebSession().submit("/signup", "/signup", form);
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        for (String field : List.of("fullName", "jobTitle", "bio")) {
            assertTrue(page.select("#" + field + "-error").text().contains("control characters"), field);
        }
        assertNull(stored(email), "nothing from an invalid submission is stored");

        form.put("fullName", "Ann");
        form.put("jobTitle", "Engineer");
        form.put("bio", "Line one\r\nLine two\tand a tab");
        assertEquals(303, new WebSession().submit("/signup", "/signup", form).statusCode(), "line breaks and tabs are fine");
    }

    /** The reviewers' fake calendar event: a lone CR ends an iCalendar line, so the rest would become properties. */
    static final String FORGED_EVENT = "K\rEND:VEVENT\rBEGIN:VEVENT\rDTSTART:20261203T090000Z\rUID:x\rSUMMARY:HR: "
            + "urgent\rURL:https://evil.example\rX-A:";

    @Test
    void namesAndTitlesAreOneVisibleLineANameHasALetterAndNothingIsStoredOtherwise() {
        String email = WebSession.uniqueEmail("oneline");
        Map<String, String> badNames = Map.of(
                FORGED_EVENT, "one line",
                "Ann\nLee", "one line",
                "Ann\tLee", "one line",
                "\u200B", "invisible",
                "Ann \u202Eeel", "invisible",
                "Ann\u2066 Lee", "invisible",
                "\u200C", "invisible",
                "\u00A0", "one letter",
                "1234 !", "one letter");
        badNames.forEach((name, message) -> {
            Map<String, Object> form = WebSession.validSignup(email);
            form.put("fullName", name);
            Response response = new WebSession().submit("/signup", "/signup", form);
            assertEquals(400, response.statusCode(), name);
            String error = Jsoup.parse(response.asString()).select("#fullName-error").text();
            assertTrue(error.contains(message), name + ": " + error);
        });
        for (String title : List.of("Engineer\rEND:VEVENT", "Engineer\r\nLead", "Lead\tEngineer", "\u202Ereenigne")) {
            Map<String, Object> form = WebSession.validSignup(email);
            form.put("jobTitle", title);
            Response response = new WebSession().submit("/signup", "/signup", form);
            assertEquals(400, response.statusCode(), title);
            assertFalse(Jsoup.parse(response.asString()).select("#jobTitle-error").text().isEmpty(), title);
        }
        assertNull(stored(email), "nothing from an invalid submission is stored");

        Map<String, Object> form = WebSession.validSignup(email);
        form.put("fullName", "Zoë Ødegård-李");
        form.put("bio", "Line one\r\nLine two\tand a tab");
        assertEquals(303, new WebSession().submit("/signup", "/signup", form).statusCode(),
                "letters of any script, and line breaks in the bio, are fine");
        assertEquals("Zoë Ødegård-李", stored(email).fullName);

        // Persian and Malayalam names are spelled with a zero-width non-joiner or joiner after a letter or sign
        for (String name : List.of("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "\u0D05\u0D28\u0D4D\u200D")) {
            String other = WebSession.uniqueEmail("joiner");
            Map<String, Object> joined = WebSession.validSignup(other);
            joined.put("fullName", name);
            assertEquals(303, new WebSession().submit("/signup", "/signup", joined).statusCode(), name);
            assertEquals(name, stored(other).fullName);
        }
    }
}
