package io.bridgeway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo company never loads in tests by itself; this test asks for it explicitly. */
@QuarkusTest
class DemoCompanyTest {

    @Inject
    DemoCompany demo;

    @Inject
    io.bridgeway.programs.DemoProgram demoProgram;

    @Test
    void demoCompanyIsRealisticAndLoadsOnce() {
        assertEquals(0L, count("demo = true"), "not loaded in tests unless asked");
        assertEquals(DemoCompany.PEOPLE, demo.loadIfAbsent());
        assertEquals(0, demo.loadIfAbsent(), "loading again adds nobody");

        assertEquals((long) DemoCompany.PEOPLE, count("demo = true"));
        assertEquals(12L, scalar("select count(distinct p.department) from Person p where p.demo = true"));
        assertTrue(scalar("select count(distinct p.timeZone) from Person p where p.demo = true") >= 6);
        assertEquals(12L, count("demo = true and manager is null"), "one head per department");
        assertEquals(0L, scalar("select count(p) from Person p where p.demo = true and p.manager is not null "
                + "and (p.manager.level <= p.level or p.manager.department <> p.department)"),
                "managers are more senior, in the same department");
        assertTrue(count("demo = true and wantsToMentor = true") > 30);
        assertTrue(count("demo = true and wantsMentor = true") > 80);
        assertEquals(0L, scalar("select count(p) from Person p where p.demo = true and p.availability is empty"));
        assertEquals(0L, scalar("select count(p) from Person p where p.demo = true and p.skills is empty"));

        int enrolled = demoProgram.loadIfAbsent();
        assertTrue(enrolled > 150, "most demo people take part: " + enrolled);
        assertEquals(0, demoProgram.loadIfAbsent());

        WebSession pm = new WebSession();
        pm.login(DemoCompany.PROGRAM_MANAGER_EMAIL, DemoCompany.PASSWORD);
        assertEquals(200, pm.get("/profile").statusCode(), "demo logins work");
        assertTrue(pm.page("/programs").text().contains(io.bridgeway.programs.DemoProgram.NAME));
        assertTrue(roles(DemoCompany.PROGRAM_MANAGER_EMAIL).contains("PROGRAM_MANAGER"));
    }

    @Transactional
    long count(String query) {
        return Person.count(query);
    }

    @Transactional
    long scalar(String hql) {
        return Person.getEntityManager().createQuery(hql, Long.class).getSingleResult();
    }

    @Transactional
    List<String> roles(String email) {
        return List.copyOf(Person.findByEmail(email).roles);
    }
}
