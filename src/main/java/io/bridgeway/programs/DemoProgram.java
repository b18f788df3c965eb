package io.bridgeway.programs;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.people.DemoCompany;
import io.bridgeway.people.Person;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * One open demo programme with the demo company enrolled as their profiles ask, so the round flow
 * can be tried at once. Loaded after the demo company, once.
 */
@ApplicationScoped
public class DemoProgram {

    public static final String NAME = "Bridges across departments (demo)";

    @Inject
    BridgewayConfig config;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (config.demo()) {
            loadIfAbsent();
        }
    }

    @Transactional
    public int loadIfAbsent() {
        if (Program.count("name", NAME) > 0) {
            return 0;
        }
        Program program = new Program();
        program.name = NAME;
        program.description = "Cross-department mentoring and rotating peer circles for everyone. "
                + "Enrol as a mentor, a mentee or a circle member.";
        program.type = ProgramType.BOTH;
        program.enrollmentOpens = LocalDate.now().minusDays(7);
        program.enrollmentCloses = LocalDate.now().plusDays(21);
        program.circleStartDate = LocalDate.now().plusWeeks(4);
        program.pairing.maxOffsetDiffMinutes = 8 * 60;
        program.createdBy = Person.findByEmail(DemoCompany.PROGRAM_MANAGER_EMAIL);
        program.persist();
        List<Person> people = Person.list("demo = true and (wantsToMentor = true or wantsMentor = true or wantsCircle = true)");
        for (Person person : people) {
            Enrollment e = new Enrollment();
            e.program = program;
            e.person = person;
            e.asMentor = person.wantsToMentor;
            e.mentorCapacity = person.mentorCapacity;
            e.asMentee = person.wantsMentor;
            e.asCircleMember = person.wantsCircle;
            e.persist();
        }
        Log.infof("Loaded the demo programme '%s' with %d participants.", NAME, people.size());
        return people.size();
    }
}
