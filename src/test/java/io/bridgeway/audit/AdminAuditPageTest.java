package io.bridgeway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminAuditPageTest {

    @Inject
    AuditLog audit;

    static List<String> actionsShown(Document page) {
        return page.select("table.list tbody tr").stream().map(row -> row.select("td").get(2).text()).toList();
    }

    @Test
    void adminSeesNewestFirstAndFilters() {
        String first = AuditLogTest.unique("page.first");
        String second = AuditLogTest.unique("page.second");
        QuarkusTransaction.requiringNew().run(() -> audit.recordAs(null, "alice@example.com", first, "Program", 1L,
                901L, "first"));
        QuarkusTransaction.requiringNew().run(() -> audit.recordAs(null, "bob@example.com", second, "Round", 2L,
                902L, "second"));
        WebSession admin = WebSession.withRole("audit-admin", Role.ADMIN);

        Document all = admin.page("/admin/audit");
        List<String> shown = actionsShown(all);
        assertTrue(shown.indexOf(second) >= 0 && shown.indexOf(second) < shown.indexOf(first), shown.toString());
        assertTrue(all.select("select#action option").eachAttr("value").contains(first));
        assertEquals("/admin/audit", all.select("nav[aria-label=Main] a:contains(Audit log)").attr("href"));
        assertEquals("Action", all.select("label[for=action]").text());

        assertEquals(List.of(first), actionsShown(admin.page("/admin/audit?action=" + first)));
        assertEquals(List.of(second), actionsShown(admin.page("/admin/audit?programId=902")));
        List<String> byActor = actionsShown(admin.page("/admin/audit?actor=ALICE@example"));
        assertTrue(byActor.contains(first) && !byActor.contains(second), byActor.toString());
        List<String> bySubject = actionsShown(admin.page("/admin/audit?subjectType=Round"));
        assertTrue(bySubject.contains(second) && !bySubject.contains(first), bySubject.toString());

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertTrue(actionsShown(admin.page("/admin/audit?from=" + today + "&to=" + today)).contains(first));
        assertTrue(actionsShown(admin.page("/admin/audit?from=" + tomorrow)).isEmpty());
    }

    @Test
    void pagesFiftyAtATime() {
        String action = AuditLogTest.unique("page.bulk");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 51; i++) {
                audit.recordAs(null, "bulk@example.com", action, null, null, null, "n" + i);
            }
        });
        WebSession admin = WebSession.withRole("audit-pager", Role.ADMIN);
        Document first = admin.page("/admin/audit?action=" + action);
        assertEquals(50, actionsShown(first).size());
        String next = first.select("nav.pager a:contains(Next)").attr("href");
        assertTrue(next.contains("action=" + action), next);
        assertEquals(1, actionsShown(admin.page(next)).size());
    }

    @Test
    void badFilterValuesGive400WithAMessagePerField() {
        WebSession admin = WebSession.withRole("audit-bad", Role.ADMIN);
        Response response = admin.get("/admin/audit?from=2027-13-45&programId=abc&to=yesterday");
        assertEquals(400, response.statusCode());
        Document page = Jsoup.parse(response.asString());
        Element fromError = page.selectFirst("#from-error");
        assertTrue(fromError != null && fromError.text().contains("date"), page.select(".field-error").text());
        assertTrue(page.selectFirst("#programId-error") != null);
        assertTrue(page.selectFirst("#to-error") != null);
        assertEquals("2027-13-45", page.select("input#from").attr("value"));
        assertEquals(400, admin.get("/admin/audit?from=2027-02-01&to=2027-01-01").statusCode());
    }

    @Test
    void employeeGets403AndAnonymousIsSentToLogin() {
        WebSession employee = WebSession.withRole("audit-employee", Role.EMPLOYEE);
        assertEquals(403, employee.get("/admin/audit").statusCode());
        Response anonymous = new WebSession().get("/admin/audit");
        assertEquals(302, anonymous.statusCode());
        assertEquals("/login?next=%2Fadmin%2Faudit", anonymous.header("Location"));
    }

    @Test
    void aDateAtTheEndOfTheCalendarIsAFieldErrorNotA500() {
        WebSession admin = WebSession.withRole("audit-far", Role.ADMIN);
        for (String far : List.of("%2B999999999-12-31", "10000-01-01", "1899-12-31")) {
            Response response = admin.request().urlEncodingEnabled(false).get("/admin/audit?to=" + far);
            assertEquals(400, response.statusCode(), far);
            Element toError = Jsoup.parse(response.asString()).selectFirst("#to-error");
            assertTrue(toError != null && toError.text().contains("1900 to 9999"), far);
        }
        assertEquals(200, admin.get("/admin/audit?from=1900-01-01&to=9999-12-31").statusCode());
    }
}
