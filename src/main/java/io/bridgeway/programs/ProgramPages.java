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
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * The viewer's own pause: {@code until} the first day back (null: not paused), {@code input} the date as
     * typed into the pause form, with its {@code errors}.
     */
    public record Pause(LocalDate until, String input, FormErrors errors) {

        public boolean active() {
            return until != null;
        }
    }

    /** Everything the detail page shows. */
    public record Detail(Summary program, boolean manager, boolean enrolled, EnrollmentForm mine,
            FormErrors mineErrors, Participants participants, Choices choices, CohortInput cohort,
            FormErrors cohortErrors, EnrollmentService.CohortReport report, List<ProgramRounds.RoundLink> rounds,
            List<ProgramRounds.Waiter> waiting, Pause pause, List<ProgramFeedback.NeverMet> neverMet) {

        public boolean open() {
            return program.open();
        }
    }

    @Inject
    Viewer viewer;

    @Inject
    ProgramRounds programRounds;

    /** A programme in the list, and whether the viewer is enrolled in it. */
    public record Listed(Summary program, boolean enrolled) {
    }

    @Inject
    ProgramFeedback feedback;

    @Transactional
    public List<Listed> all() {
        LocalDate today = LocalDate.now();
        Person me = viewer.personId() == null ? null : Person.findById(viewer.personId());
        Set<Long> mine = me == null ? Set.of()
                : Enrollment.ofPerson(me).stream().map(e -> e.program.id).collect(Collectors.toSet());
        return Program.<Program>listAll(Sort.by("enrollmentCloses").descending()).stream()
                .map(p -> new Listed(Summary.of(p, today), mine.contains(p.id))).toList();
    }

    @Transactional
    public ProgramForm form(long id) {
        return ProgramForm.of(ProgramResource.program(id));
    }

    @Transactional
    public Detail detail(long id, int page, String query, EnrollmentForm mine, FormErrors mineErrors,
            CohortInput cohort, FormErrors cohortErrors, EnrollmentService.CohortReport report) {
        return detail(id, page, query, mine, mineErrors, cohort, cohortErrors, report, null, FormErrors.none());
    }

    /** The page again after a refused pause, with the date as typed and why it was refused. */
    @Transactional
    public Detail withPauseErrors(long id, String pauseInput, FormErrors pauseErrors) {
        return detail(id, 0, null, null, FormErrors.none(), CohortInput.empty(), FormErrors.none(), null, pauseInput,
                pauseErrors);
    }

    private Detail detail(long id, int page, String query, EnrollmentForm mine, FormErrors mineErrors,
            CohortInput cohort, FormErrors cohortErrors, EnrollmentService.CohortReport report, String pauseInput,
            FormErrors pauseErrors) {
        Program program = ProgramResource.program(id);
        Person me = Person.findById(viewer.personId());
        Enrollment existing = Enrollment.find(program, me);
        EnrollmentForm form = mine != null ? mine
                : existing != null ? EnrollmentForm.of(existing) : defaultRoles(program, me);
        boolean manager = viewer.programManager();
        return new Detail(Summary.of(program, LocalDate.now()), manager, existing != null, form,
                mineErrors, manager ? participants(program, page, query) : null,
                new Choices(
                        Department.listByName().stream().map(d -> new Choice(d.id, d.name)).toList(),
                        Office.listByName().stream().map(o -> new Choice(o.id, o.name)).toList()), cohort, cohortErrors, report,
                manager ? programRounds.of(program) : List.of(), manager ? programRounds.waiting(program) : List.of(),
                pause(existing, pauseInput, pauseErrors), manager ? feedback.neverMet(program) : List.of());
    }

    /** A pause that has run out is no pause: the person is back without doing anything. */
    private static Pause pause(Enrollment enrollment, String input, FormErrors errors) {
        LocalDate today = LocalDate.now();
        LocalDate until = enrollment != null && enrollment.pausedOn(today) ? enrollment.pausedUntil : null;
        return new Pause(until, input != null ? input : until != null ? until.toString() : "", errors);
    }

    /** By name, then e-mail and enrollment, so the order is the same on every load; searched by name or e-mail. */
    private static Participants participants(Program program, int page, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.now();
        Sort order = Sort.by("person.fullName").and("person.email").and("id");
        var rows = q.isEmpty() ? Enrollment.<Enrollment>find("program = ?1", order, program)
                : Enrollment.<Enrollment>find("program = ?1 and (locate(?2, lower(person.fullName)) > 0"
                        + " or locate(?2, lower(person.email)) > 0)", order, program, q);
        return new Participants(Paged.of(rows, page, e -> new Participant(e.person.fullName, e.person.email,
                e.person.department == null ? null : e.person.department.name, e.person.level, e.roles()
                + (e.pausedOn(today) ? " · paused until " + e.pausedUntil : ""))), q);
    }

    /**
     * A first enrollment starts from how the profile says the person wants to take part (mentor, mentee,
     * peer circles), limited to what the programme offers; with none of those, as a mentee or circle member.
     */
    static EnrollmentForm defaultRoles(Program program, Person me) {
        EnrollmentForm form = new EnrollmentForm();
        boolean pairs = program.type.pairs();
        boolean circles = program.type.circles();
        boolean mentor = pairs && me.wantsToMentor;
        boolean mentee = pairs && me.wantsMentor;
        boolean circle = circles && me.wantsCircle;
        if (!mentor && !mentee && !circle) {
            mentee = pairs;
            circle = !pairs;
        }
        form.asMentor = mentor ? "true" : null;
        form.mentorCapacity = String.valueOf(mentor ? me.mentorCapacity : 1);
        form.asMentee = mentee ? "true" : null;
        form.asCircleMember = circle ? "true" : null;
        return form;
    }
}
