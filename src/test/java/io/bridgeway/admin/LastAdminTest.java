package io.bridgeway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.bridgeway.web.FormErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The last active admin can be neither demoted nor deactivated, also by two admins at once. */
@QuarkusTest
class LastAdminTest {

    @Inject
    PersonAccounts accounts;

    /** Admins made by other tests, set aside so that this test controls who is an admin. */
    private List<Long> setAside = List.of();

    @BeforeEach
    void setOtherAdminsAside() {
        setAside = QuarkusTransaction.requiringNew().call(() -> {
            List<Person> admins = Person.list("select p from Person p join p.roles r where r = ?1", Role.ADMIN);
            admins.forEach(p -> p.roles.remove(Role.ADMIN));
            return admins.stream().map(p -> p.id).toList();
        });
    }

    @AfterEach
    void restoreThem() {
        QuarkusTransaction.requiringNew().run(() -> setAside.forEach(id -> Person.<Person>findById(id).roles.add(Role.ADMIN)));
    }

    static long admins() {
        return QuarkusTransaction.requiringNew().call(() -> Person.countWithRole(Role.ADMIN));
    }

    @Test
    void theLastAdminCannotBeDemotedOrDeactivated() {
        WebSession only = WebSession.withRole("last-admin", Role.ADMIN);
        long id = WebSession.idOf(only.email);
        String page = "/admin/people/" + id;
        assertEquals(1, admins());

        Response demote = only.submit(page, page + "/roles", Map.of("role", Role.ADMIN, "grant", "false"));
        assertEquals(400, demote.statusCode());
        assertTrue(Jsoup.parse(demote.asString()).select("#role-error").text().contains("last active admin"));
        Response deactivate = only.submit(page, page + "/deactivate", Map.of());
        assertEquals(400, deactivate.statusCode());
        assertTrue(Jsoup.parse(deactivate.asString()).select("#active-error").text().contains("last active admin"));
        assertEquals(1, admins(), "nothing changed");
        assertEquals(200, only.get("/admin").statusCode(), "still signed in and still an admin");

        // with a second admin, stepping down is fine
        WebSession second = WebSession.withRole("second-admin", Role.ADMIN);
        assertEquals(303, only.submit(page, page + "/roles", Map.of("role", Role.ADMIN, "grant", "false")).statusCode());
        assertEquals(403, only.get("/admin").statusCode());
        long secondId = WebSession.idOf(second.email);
        assertEquals(400, second.submit("/admin/people/" + secondId, "/admin/people/" + secondId + "/deactivate",
                Map.of()).statusCode());
        assertEquals(1, admins());
    }

    @Test
    void theLastAdminCannotDeleteTheirOwnAccount() {
        WebSession only = WebSession.withRole("last-admin-deletes", Role.ADMIN);
        Map<String, String> confirm = Map.of("confirmEmail", only.email);

        Response refused = only.submit("/profile/delete", "/profile/delete", confirm);
        assertEquals(400, refused.statusCode());
        assertTrue(Jsoup.parse(refused.asString()).select(".error-summary").text().contains("last active admin"),
                refused.asString());
        assertEquals(1, admins(), "nothing deleted");
        assertEquals(200, only.get("/admin").statusCode(), "still signed in and still an admin");

        WebSession.withRole("successor-admin", Role.ADMIN);
        assertEquals(303, only.submit("/profile/delete", "/profile/delete", confirm).statusCode());
        assertEquals(1, admins());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Person.findByEmail(only.email) == null));
    }

    @Test
    void twoAdminsRemovingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            long a = WebSession.idOf(WebSession.withRole("race-a", Role.ADMIN).email);
            long b = WebSession.idOf(WebSession.withRole("race-b", Role.ADMIN).email);
            assertEquals(2, admins());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Boolean>> removals = new ArrayList<>();
                removals.add(() -> removed(() -> accounts.changeRole(a, Role.ADMIN, false, null)));
                removals.add(() -> removed(() -> accounts.setActive(b, false, null)));
                List<Future<Boolean>> outcomes = pool.invokeAll(removals);
                int succeeded = 0;
                for (Future<Boolean> outcome : outcomes) {
                    succeeded += outcome.get() ? 1 : 0;
                }
                assertEquals(1, succeeded, "exactly one removal wins");
                assertEquals(1, admins(), "one active admin is left");
            } finally {
                pool.shutdown();
            }
            // reset for the next attempt: neither is an admin any more
            QuarkusTransaction.requiringNew().run(() -> List.of(a, b).forEach(id -> {
                Person p = Person.findById(id);
                p.roles.remove(Role.ADMIN);
                p.active = true;
            }));
        }
    }

    /** Whether the change went through (no errors); a refused or conflicting one did not. */
    private static boolean removed(Callable<FormErrors> change) {
        try {
            return change.call().isEmpty();
        } catch (Exception conflict) {
            return false;
        }
    }
}
