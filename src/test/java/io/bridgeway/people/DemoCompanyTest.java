package io.bridgeway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import io.bridgeway.programs.DemoProgram;
import io.bridgeway.programs.Enrollment;
import io.bridgeway.programs.Program;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.ParticipantSnapshot;
import io.bridgeway.rounds.RoundParticipant;
import io.bridgeway.rounds.RoundProblems;
import io.bridgeway.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The demo company never loads in tests by itself; this test asks for it explicitly. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCompanyTest {

    @Inject
    DemoCompany demo;

    @Inject
    io.bridgeway.programs.DemoProgram demoProgram;

    @Test
    @Order(1)
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
        assertEquals(0L, scalar("select count(p) from Person p where p.demo = true and (size(p.availability) < "
                + DemoCompany.MIN_FREE_HOURS + " or size(p.availability) > " + DemoCompany.MAX_FREE_HOURS + ")"),
                "everyone marks 8-20 free hours a week");
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

    /**
     * The demo round's circles, mapped as a round maps them and searched with the product's stop after 5 s without
     * improvement: at most 5% of seats cannot make their circle's hour (issue 11; docs/benchmarks.md, "Demo round").
     */
    @Test
    @Order(2)
    void demoRoundCirclesCanMostlyMeet() {
        demo.loadIfAbsent();
        demoProgram.loadIfAbsent();
        CirclesProblem problem = demoCircles();
        CirclesResult result = CirclesPlanner.solve(problem, Duration.ofSeconds(12), Duration.ofSeconds(5), 42);

        int seats = problem.people().size() * problem.rounds();
        System.out.printf("Demo round: %d of %d circle seats cannot make their hour, %d repeats, %.1f s%n",
                result.unavailableMembers(), seats, result.repeats(), result.seconds());
        assertEquals(0, result.repeats());
        assertTrue(result.unavailableMembers() <= seats * 0.05, result.unavailableMembers() + " of " + seats);
        // the meeting hours name exactly the seats the search counted
        assertEquals(result.unavailableMembers(),
                result.meetingBlocks().stream().mapToInt(b -> b.cannotAttend().size()).sum());
    }

    /** The circles problem of a first round of the demo programme, as RoundLifecycle snapshots it. */
    @Transactional
    CirclesProblem demoCircles() {
        Program program = Program.find("name", DemoProgram.NAME).firstResult();
        MatchingRound round = new MatchingRound();
        round.program = program;
        List<RoundParticipant> participants = new ArrayList<>();
        for (Enrollment e : Enrollment.ofProgram(program)) {
            RoundParticipant p = new RoundParticipant();
            p.asCircleMember = e.asCircleMember;
            p.profileJson = ParticipantSnapshot.of(e, Instant.now()).toJson();
            participants.add(p);
        }
        return RoundProblems.circles(round, participants, List.of(), List.of());
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
