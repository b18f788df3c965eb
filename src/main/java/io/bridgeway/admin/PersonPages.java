package io.bridgeway.admin;

import io.bridgeway.mentoring.MyMatches;
import io.bridgeway.people.Person;
import io.bridgeway.programs.Enrollment;
import io.bridgeway.security.Role;
import io.bridgeway.web.Found;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The admins' person page read model: profile, roles, enrolments and published matches (partner names
 * only). Deliberately without the confidential parts: no do-not-pair list, no survey answers.
 */
@ApplicationScoped
public class PersonPages {

    public record Enrolment(long programId, String program, String roles, LocalDate pausedUntil) {
    }

    /** One published match: "mentor: Ada Lovelace" or "peer circle, meeting 2: A, B, C". */
    public record Match(long roundId, String program, int round, boolean current, List<String> lines) {
    }

    public record PersonPage(long id, long version, String name, String email, boolean active, String department,
            String jobTitle, String level, String office, String timeZone, String manager, List<String> languages,
            List<String> roles, boolean admin, boolean programManager, List<Enrolment> enrolments,
            List<Match> matches) {
    }

    @Inject
    MyMatches myMatches;

    @Transactional
    public PersonPage of(long personId) {
        Person p = Found.orNotFound(Person.<Person>findById(personId));
        List<Enrolment> enrolments = Enrollment.ofPerson(p).stream()
                .map(e -> new Enrolment(e.program.id, e.program.name, e.roles(), e.pausedUntil)).toList();
        MyMatches.Mentoring mentoring = myMatches.of(personId);
        List<Match> matches = new ArrayList<>();
        Stream.concat(mentoring.current().stream().map(r -> match(r, true)),
                mentoring.past().stream().map(r -> match(r, false))).forEach(matches::add);
        return new PersonPage(p.id, p.version, p.fullName, p.email, p.active,
                p.department == null ? "" : p.department.name, p.jobTitle == null ? "" : p.jobTitle,
                p.level == null ? "" : p.level + " · " + p.levelLabel(), p.office == null ? "" : p.office.name,
                p.timeZone == null ? "" : p.timeZone, p.manager == null ? "" : p.manager.fullName,
                List.copyOf(p.languages), List.copyOf(p.roles), p.hasRole(Role.ADMIN),
                p.hasRole(Role.PROGRAM_MANAGER), enrolments, matches);
    }

    private static Match match(MyMatches.RoundMatches r, boolean current) {
        List<String> lines = new ArrayList<>();
        r.pairs().forEach(pair -> lines.add(pair.partnerRole() + ": " + pair.partner().name()));
        r.circles().forEach(circle -> lines.add("peer circle, meeting " + circle.meeting() + ": "
                + String.join(", ", circle.others().stream().map(MyMatches.Colleague::name).toList())));
        return new Match(r.roundId(), r.program(), r.round(), current, lines);
    }
}
