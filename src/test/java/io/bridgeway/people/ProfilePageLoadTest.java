package io.bridgeway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The profile page is the most visited signed-in page (bench/load.sh, issue 15): the session check reads the
 * account with one projection, not the entity, and the page loads the person and manager together, read-only.
 * Counted with Hibernate statistics on Person only, so background jobs (outbox, reminders) do not disturb it.
 */
@QuarkusTest
class ProfilePageLoadTest {

    @Inject
    SessionFactory sessionFactory;

    @AfterEach
    void statisticsOff() {
        sessionFactory.getStatistics().setStatisticsEnabled(false);
    }

    @Test
    void profilePageLoadsThePersonAndManagerOnceAndWritesNothing() {
        String managerEmail = WebSession.uniqueEmail("boss");
        WebSession.signedUp(managerEmail, Map.of());
        String email = WebSession.uniqueEmail("loadtest");
        WebSession session = WebSession.signedUp(email, Map.of("managerEmail", managerEmail));
        session.page("/profile"); // warm: the first request after sign-up may renew the cookie

        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        Document profile = session.page("/profile");
        statistics.setStatisticsEnabled(false);

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
        var person = statistics.getEntityStatistics(Person.class.getName());
        assertEquals(2, person.getLoadCount(), "the person and their manager, once each (the session check loads no entity)");
        assertEquals(0, person.getUpdateCount(), "a page view writes nothing");
        assertEquals(3, statistics.getPrepareStatementCount(), "the session check, the person with manager, "
                + "departments and offices, and one statement for the four collections");
        assertEquals(0, statistics.getCollectionStatistics(Person.class.getName() + ".roles").getLoadCount(),
                "roles are read by the session check's own query, not loaded with every person");
    }
}
