package io.bridgeway.programs;

import io.bridgeway.people.Department;
import io.bridgeway.people.Office;
import io.bridgeway.people.Person;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Paged;
import io.bridgeway.web.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Builds what the programme pages show, each in one read transaction (the resource has none of its own). */
@ApplicationScoped
public class ProgramPages {

    /** A programme as its pages show it: in the list and at the top of its own page (with its waiting policy). */
    public record Summary(long id, String name, ProgramType type, String description, LocalDate enrollmentOpens,
            LocalDate enrollmentCloses, boolean open, boolean waitingPolicy, int waitingIncrement, int waitingCap) {

        static Summary of(Program program, LocalDate today) {
            PairingRules pairing = program.pairing;
            return new Summary(program.id, program.name, program.type, program.description, program.enrollmentOpens,
                    program.enrollmentCloses, program.enrollmentOpenOn(today), pairing.waitingPolicy,
                    pairing.waitingIncrement, pairing.waitingCap);
        }
    }

    /** A department or office offered as a cohort filter. */
    public record Choice(long id, String name) {
    }

    public record Choices(List<Choice> departments, List<Choice> offices) {
    }

    /** One participant row: e-mail tells two people of the same name apart. */
    public record Participant(String name, String email, String department, Integer level, String roles) {
    }

    /** The participants shown, and the search that chose them ({@code query} is "" for all). */
    public record Participants(Paged<Participant> page, String query) {
    }

    /** Everything the detail page shows. */
    public record Detail(Summary program, boolean manager, boolean enrolled, EnrollmentForm mine,
            FormErrors mineErrors, Participants participants, Choices choices, CohortInput cohort,
            FormErrors cohortErrors, EnrollmentService.CohortReport report, List<ProgramRounds.RoundLink> rounds,
            List<ProgramRounds.Waiter> waiting, List<ProgramFeedback.NeverMet> neverMet) {

        public boolean open() {
            return program.open();
        }
    }

    @Inject
    Viewer viewer;

    @Inject
    ProgramRounds programRounds;

    @Inject
    ProgramFeedback feedback;

    @Transactional
    public List<Summary> all() {
        LocalDate today = LocalDate.now();
        return Program.<Program>listAll(Sort.by("enrollmentCloses").descending()).stream()
                .map(p -> Summary.of(p, today)).toList();
    }

    @Transactional
    public ProgramForm form(long id) {
        return ProgramForm.of(ProgramResource.program(id));
    }

    @Transactional
    public Detail detail(long id, int page, String query, EnrollmentForm mine, FormErrors mineErrors,
            CohortInput cohort, FormErrors cohortErrors, EnrollmentService.CohortReport report) {
        Program program = ProgramResource.program(id);
        Person me = Person.findById(viewer.personId());
        Enrollment existing = Enrollment.find(program, me);
        EnrollmentForm form = mine != null ? mine : existing != null ? EnrollmentForm.of(existing) : defaultRoles(program);
        boolean manager = viewer.programManager();
        return new Detail(Summary.of(program, LocalDate.now()), manager, existing != null, form,
                mineErrors, manager ? participants(program, page, query) : null,
                new Choices(
                        Department.listByName().stream().map(d -> new Choice(d.id, d.name)).toList(),
                        Office.listByName().stream().map(o -> new Choice(o.id, o.name)).toList()), cohort, cohortErrors, report,
                manager ? programRounds.of(program) : List.of(), manager ? programRounds.waiting(program) : List.of(),
                manager ? feedback.neverMet(program) : List.of());
    }

    /** By name, then e-mail and enrollment, so the order is the same on every load; searched by name or e-mail. */
    private static Participants participants(Program program, int page, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Sort order = Sort.by("person.fullName").and("person.email").and("id");
        var rows = q.isEmpty() ? Enrollment.<Enrollment>find("program = ?1", order, program)
                : Enrollment.<Enrollment>find("program = ?1 and (locate(?2, lower(person.fullName)) > 0"
                        + " or locate(?2, lower(person.email)) > 0)", order, program, q);
        return new Participants(Paged.of(rows, page, e -> new Participant(e.person.fullName, e.person.email,
                e.person.department == null ? null : e.person.department.name, e.person.level, e.roles())), q);
    }

    private static EnrollmentForm defaultRoles(Program program) {
        EnrollmentForm form = new EnrollmentForm();
        form.mentorCapacity = "1";
        form.asMentee = program.type.pairs() ? "true" : null;
        form.asCircleMember = program.type.pairs() ? null : "true";
        return form;
    }
}
