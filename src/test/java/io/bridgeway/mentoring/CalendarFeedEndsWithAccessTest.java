package io.bridgeway.mentoring;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.security.ApiTokenTest;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A calendar link never outlives the access it came with: a deactivated account's feed answers 404, and
 * deactivation (by an admin or an HR import), a password reset or the owner's "Turn off" button deletes it,
 * so reactivating the account does not bring the old link back.
 */
@QuarkusTest
class CalendarFeedEndsWithAccessTest {

    /** Makes a subscription link on the person's page; returns its path, /calendar/{token}.ics. */
    static String makeFeed(WebSession me) {
        String url = me.submit("/mentoring", "/mentoring/calendar-feed", Map.of()).then().statusCode(200).extract()
                .htmlPath().getString("**.find { it.@id == 'feed-url' }");
        return url.substring(url.indexOf("/calendar/"));
    }

    /** What a calendar app gets: no session, no cookie. */
    static int fetch(String feed) {
        return given().redirects().follow(false).get(feed).statusCode();
    }

    private static WebSession signedIn(String email) {
        WebSession session = new WebSession();
        assertEquals(303, session.login(email, WebSession.PASSWORD).statusCode());
        return session;
    }

    @Test
    void deactivationByAnAdminDeletesTheLinkAndReactivationDoesNotBringItBack() {
        String email = WebSession.uniqueEmail("feedleaver");
        String feed = makeFeed(WebSession.signedUp(email, Map.of()));
        assertEquals(200, fetch(feed));

        WebSession admin = WebSession.withRole("feedadmin", Role.ADMIN);
        String page = "/admin/people/" + WebSession.idOf(email);
        assertEquals(303, admin.submit(page, page + "/deactivate", Map.of()).statusCode());
        assertEquals(404, fetch(feed));

        assertEquals(303, admin.submit(page, page + "/reactivate", Map.of()).statusCode());
        assertEquals(404, fetch(feed), "the link was deleted: the person makes a new one if they want it");
        Document mine = signedIn(email).page("/mentoring");
        assertFalse(mine.text().contains("You made a subscription link"), mine.select("#calendar").text());
        assertTrue(mine.select("#turn-off-feed").isEmpty(), "nothing to turn off");
    }

    @Test
    void aDeactivatedAccountsFeedIsRefusedEvenWhileItsLinkIsStored() {
        String email = WebSession.uniqueEmail("feedinactive");
        String feed = makeFeed(WebSession.signedUp(email, Map.of()));
        long id = WebSession.idOf(email);
        QuarkusTransaction.requiringNew().run(() -> Person.update("active = false where id = ?1", id));
        assertEquals(404, fetch(feed));
        QuarkusTransaction.requiringNew().run(() -> Person.update("active = true where id = ?1", id));
        assertEquals(200, fetch(feed), "the same link, the account active again");
    }

    @Test
    void anHrImportLeaverLosesTheLink() {
        String email = WebSession.uniqueEmail("feedhrleaver");
        String feed = makeFeed(WebSession.signedUp(email, Map.of()));
        String admin = WebSession.withRole("feedimportadmin", Role.ADMIN).email;
        String csv = "employee_id,email,name,department,title,level,manager,office,time_zone,languages,status\n"
                + "feed-" + WebSession.idOf(email) + "," + email + ",Lee Ver,Sales,,3,,London,,en,leaver\n";
        Response imported = given().auth().preemptive().basic(admin, WebSession.PASSWORD).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/people/import?dryRun=false");
        assertEquals(200, imported.statusCode(), imported.asString());
        assertEquals(1, imported.jsonPath().getInt("deactivated"), imported.asString());
        assertEquals(404, fetch(feed));
        QuarkusTransaction.requiringNew().run(() -> Person.update("active = true where email = ?1", email));
        assertEquals(404, fetch(feed), "deleted, not only refused");
    }

    @Test
    void aPasswordResetDeletesTheLink() {
        String email = WebSession.uniqueEmail("feedreset");
        String feed = makeFeed(WebSession.signedUp(email, Map.of()));
        assertEquals(200, fetch(feed));
        ApiTokenTest.resetPassword(WebSession.idOf(email));
        assertEquals(404, fetch(feed), "whoever took the account loses the link they made with it");
    }

    @Test
    void theOwnerTurnsTheLinkOffWithTheFormsCsrfToken() {
        String email = WebSession.uniqueEmail("feedoff");
        WebSession me = WebSession.signedUp(email, Map.of());
        assertTrue(me.page("/mentoring").select("#turn-off-feed").isEmpty(), "no link yet, nothing to turn off");
        String feed = makeFeed(me);
        assertFalse(me.page("/mentoring").select("#turn-off-feed").isEmpty());

        Response forged = me.post("/mentoring/calendar-feed/off", Map.of());
        assertTrue(forged.statusCode() == 400 || forged.statusCode() == 403, "refused: " + forged.statusCode());
        assertEquals(200, fetch(feed), "without the token nothing is turned off");
        // someone else pressing their own button turns off only their own (lack of a) link
        WebSession other = WebSession.signedUp(WebSession.uniqueEmail("feedother"), Map.of());
        assertEquals(303, other.submit("/mentoring", "/mentoring/calendar-feed/off", Map.of()).statusCode());
        assertEquals(200, fetch(feed));

        Response off = me.submit("/mentoring", "/mentoring/calendar-feed/off", Map.of());
        assertEquals(303, off.statusCode());
        assertEquals(404, fetch(feed));
        Document page = me.page("/mentoring");
        assertTrue(page.select("#turn-off-feed").isEmpty(), page.select("#calendar").text());
        assertFalse(page.text().contains("You made a subscription link"));
        String again = makeFeed(me);
        assertEquals(200, fetch(again), "a new link can be made afterwards");
        assertEquals(404, fetch(feed));
    }
}
