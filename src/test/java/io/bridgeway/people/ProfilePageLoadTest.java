package io.bridgeway.people;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.ThreadStatements;
import io.bridgeway.support.WebSession;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.restassured.specification.RequestSpecification;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The profile page is the most visited signed-in page (bench/load.sh, issue 15): the session check reads the
 * account with one projection, not the entity; the page loads the person and manager together, read-only, and
 * then reuses that view while the person's row version is unchanged. Counted with Hibernate statistics on Person
 * and statements on the person tables only, so background jobs (outbox, leases) do not disturb it.
 */
@QuarkusTest
class ProfilePageLoadTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ProfileService profiles;

    @AfterEach
    void statisticsOffAndClockBack() {
        sessionFactory.getStatistics().setStatisticsEnabled(false);
        service().recentViews.clock = Clock.systemUTC();
    }

    /** The bean itself: a field set through its client proxy would not reach it. */
    private ProfileService service() {
        return ClientProxy.unwrap(profiles);
    }

    /** The page's content without the one-shot flash message. */
    private static String content(Document page) {
        Element main = page.selectFirst("main").clone();
        main.select(".flash").remove();
        return main.html();
    }

    /** Runs one page request with Hibernate statistics on. */
    private Document counted(WebSession session, String path) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            return session.page(path);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private long personLoads() {
        return sessionFactory.getStatistics().getEntityStatistics(Person.class.getName()).getLoadCount();
    }

    @Test
    void profilePageLoadsThePersonAndManagerOnceAndWritesNothing() {
        String managerEmail = WebSession.uniqueEmail("boss");
        WebSession.signedUp(managerEmail, Map.of());
        String email = WebSession.uniqueEmail("loadtest");
        WebSession session = WebSession.signedUp(email, Map.of("managerEmail", managerEmail));

        Document[] pages = new Document[2];
        long firstStatements = ThreadStatements.onPersonTables(() -> pages[0] = counted(session, "/profile"));
        Document profile = pages[0]; // the first view of this person: read from the database
        Statistics statistics = sessionFactory.getStatistics();
        assertEquals("Test Person", profile.select("h1").text());
        assertTrue(profile.text().contains("Test Person (" + managerEmail + ")"), "the manager is shown");
        assertTrue(profile.text().contains("Monday: 09:00, 10:00"), profile.text());
        assertTrue(profile.text().contains("Wednesday: 14:00"), profile.text());
        assertTrue(profile.text().contains("German, English"), "the languages, by code: " + profile.text());
        assertTrue(profile.text().contains("java (3)") && profile.text().contains("public-speaking (1)"),
                "the skills: " + profile.text());
        assertTrue(profile.text().contains("leadership") && profile.text().contains("negotiation"), "the goals");
        assertTrue(profile.text().contains("Engineering") && profile.text().contains("Berlin"),
                "the department and office: " + profile.text());
        assertTrue(profile.select("a[href=/admin]").isEmpty(), "an employee's roles still apply: no admin link");
        assertEquals(2, personLoads(), "the person and their manager, once each (the session check loads no entity)");
        assertEquals(0, statistics.getEntityStatistics(Person.class.getName()).getUpdateCount(), "a page view writes nothing");
        assertEquals(3, firstStatements, "the session check, the person with manager, "
                + "departments and offices, and one statement for the four collections");
        assertEquals(0, statistics.getCollectionStatistics(Person.class.getName() + ".roles").getLoadCount(),
                "roles are read by the session check's own query, not loaded with every person");

        long repeatStatements = ThreadStatements.onPersonTables(() -> pages[1] = counted(session, "/profile"));
        assertEquals(content(profile), content(pages[1]), "the same page");
        assertEquals(0, personLoads(), "an unchanged person's view is reused");
        assertEquals(1, repeatStatements, "only the session check, which still runs every time");
    }

    @Test
    void anEditShowsAtOnceAndAStaleViewIsReadAgain() {
        String email = WebSession.uniqueEmail("editview");
        WebSession session = WebSession.signedUp(email, Map.of());
        assertTrue(session.page("/profile").text().contains("java (3)"));

        // only a collection changes: it still bumps the person's row version, so the reused view is not shown
        Map<String, Object> form = WebSession.formData(session.page("/profile/edit"), "form[action=/profile/edit]",
                Map.of("skillName", List.of("kotlin"), "skillLevel", List.of("2")));
        session.post("/profile/edit", form).then().statusCode(303);
        Document edited = counted(session, "/profile");
        assertTrue(edited.text().contains("kotlin (2)") && !edited.text().contains("java (3)"), edited.text());
        assertEquals(1, personLoads(), "read again after the edit");

        counted(session, "/profile");
        assertEquals(0, personLoads(), "then reused");
        service().recentViews.clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(31)); // past view-cache-for (30 s)
        counted(session, "/profile");
        assertEquals(1, personLoads(), "read again once stale: a manager's or department's new name shows within 30 s");
    }

    @Test
    void theApiShowsARoleChangeAtOnceAndReusesAnUnchangedProfile() {
        String email = WebSession.uniqueEmail("apime");
        WebSession.signedUp(email, Map.of());
        long id = WebSession.idOf(email);
        Supplier<RequestSpecification> api = () -> given().auth().preemptive().basic(email, WebSession.PASSWORD);
        assertEquals(List.of("EMPLOYEE"), api.get().get("/api/v1/me").then().statusCode(200).extract().jsonPath()
                .getList("roles"));

        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        api.get().get("/api/v1/me").then().statusCode(200);
        statistics.setStatisticsEnabled(false);
        assertEquals(0, personLoads(), "an unchanged profile is reused");

        // roles are a collection of the person: granting one bumps the row version the session check reads
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findById(id).roles.add("PROGRAM_MANAGER"));
        assertEquals(List.of("EMPLOYEE", "PROGRAM_MANAGER"), api.get().get("/api/v1/me").then().statusCode(200)
                .extract().jsonPath().getList("roles"));
    }

    @Test
    void aDeletedManagerLeavesTheirReportsProfileAtOnce() {
        String managerEmail = WebSession.uniqueEmail("leaving-boss");
        WebSession manager = WebSession.signedUp(managerEmail, Map.of());
        WebSession report = WebSession.signedUp(WebSession.uniqueEmail("report"), Map.of("managerEmail", managerEmail));
        assertTrue(report.page("/profile").text().contains(managerEmail), "the manager, now reused");

        manager.submit("/profile/delete", "/profile/delete", Map.of("confirmEmail", managerEmail)).then().statusCode(303);
        assertTrue(!report.page("/profile").text().contains(managerEmail),
                "the reports' row versions changed with the manager link: the deleted name is not shown again");
    }
}
