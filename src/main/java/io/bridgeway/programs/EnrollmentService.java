package io.bridgeway.programs;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.people.Department;
import io.bridgeway.people.EmailAddress;
import io.bridgeway.people.Level;
import io.bridgeway.people.Office;
import io.bridgeway.people.Person;
import jakarta.inject.Inject;
import io.bridgeway.people.ProfileService;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Enrolls people in programmes: themselves while enrollment is open, or a cohort by a manager. */
@ApplicationScoped
public class EnrollmentService {

    /** Who a manager's cohort enrollment reached. */
    public record CohortReport(List<String> enrolled, List<String> alreadyEnrolled, List<String> notFound) {
    }

    /** Which people a manager enrolls: everyone matching the filter, or the listed emails. */
    public record Cohort(Long departmentId, Integer minLevel, Integer maxLevel, Long officeId, List<String> emails) {
    }

    @Inject
    AuditLog audit;

    /** Enrolls or updates the person's own enrollment; returns the errors, empty when saved. */
    @Transactional
    public FormErrors enrollSelf(long programId, long personId, EnrollmentForm form, LocalDate today) {
        Program program = program(programId);
        FormErrors errors = new FormErrors();
        if (!program.enrollmentOpenOn(today)) {
            errors.add("program", "Enrollment for this programme is open from " + program.enrollmentOpens
                    + " to " + program.enrollmentCloses + ".");
            return errors;
        }
        Enrollment draft = validate(program, form, errors);
        if (errors.any()) {
            return errors;
        }
        Person person = Person.findById(personId);
        Enrollment enrollment = Enrollment.find(program, person);
        if (enrollment == null) {
            enrollment = new Enrollment();
            enrollment.program = program;
            enrollment.person = person;
        }
        copyRoles(draft, enrollment);
        enrollment.persist();
        return errors;
    }

    /** A pause is for a break, not a second way to leave: at most this far ahead. */
    public static final int MAX_PAUSE_DAYS = 366;

    /**
     * Pauses the person's enrollment until {@code rawDate} (the first day back), typed as yyyy-mm-dd; returns the
     * errors, empty when saved. Rounds started before that day leave them out; from it they are back by themselves.
     */
    @Transactional
    public FormErrors pause(long programId, long personId, String rawDate, LocalDate today) {
        Enrollment enrollment = Enrollment.find(program(programId), Person.findById(personId));
        FormErrors errors = new FormErrors();
        if (enrollment == null) {
            return errors.add("pausedUntil", "You are not enrolled in this programme, so there is nothing to pause.");
        }
        LocalDate until = FormFields.date(rawDate, "pausedUntil", "The day you are back", errors);
        if (until != null && !until.isAfter(today)) {
            errors.add("pausedUntil", "The day you are back must be after today.");
        } else if (until != null && until.isAfter(today.plusDays(MAX_PAUSE_DAYS))) {
            errors.add("pausedUntil", "A pause can last up to a year (until " + today.plusDays(MAX_PAUSE_DAYS)
                    + "). To stop for longer, leave the programme.");
        }
        if (!errors.any()) {
            enrollment.pausedUntil = until;
        }
        return errors;
    }

    /** Ends a pause now; false when the person is not enrolled. */
    @Transactional
    public boolean resume(long programId, long personId) {
        Enrollment enrollment = Enrollment.find(program(programId), Person.findById(personId));
        if (enrollment != null) {
            enrollment.pausedUntil = null;
        }
        return enrollment != null;
    }

    /** Leaves the programme: the enrollment (and any pause) ends; rounds already published keep their places. */
    @Transactional
    public boolean withdraw(long programId, long personId) {
        return Enrollment.delete("program.id = ?1 and person.id = ?2", programId, personId) > 0;
    }

    /** Most addresses one cohort list may hold: each is looked up, all in one transaction. */
    static final int MAX_COHORT_EMAILS = 5_000;

    /**
     * Enrolls a cohort with the same roles; people already enrolled keep their own choices.
     * Validation errors (roles, capacity) come back in {@code errors} and nothing is written.
     */
    @Transactional
    public CohortReport enrollCohort(long programId, Cohort cohort, EnrollmentForm roles, FormErrors errors) {
        Program program = program(programId);
        Enrollment template = validate(program, roles, errors);
        List<Person> people = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        boolean filtered = cohort.departmentId() != null || cohort.minLevel() != null || cohort.maxLevel() != null
                || cohort.officeId() != null;
        boolean listed = cohort.emails() != null && !cohort.emails().isEmpty();
        if (filtered && listed) {
            errors.add("emails", "Enroll either everyone matching the filter or these emails, not both: "
                    + "empty this box to use the filter, or set the filter back to Any.");
        }
        if (listed && cohort.emails().size() > MAX_COHORT_EMAILS) {
            errors.add("emails", "Paste at most " + MAX_COHORT_EMAILS + " email addresses at once (this list has "
                    + cohort.emails().size() + "); nobody was enrolled.");
        } else if (listed) {
            List<String> invalid = cohort.emails().stream().filter(e -> !EmailAddress.isValid(e)).toList();
            if (!invalid.isEmpty()) {
                errors.add("emails", (invalid.size() == 1 ? "This is not a valid email address: "
                        : "These are not valid email addresses: ") + abbreviated(invalid)
                        + ". Fix or remove " + (invalid.size() == 1 ? "it" : "them") + "; nobody was enrolled.");
            }
            for (String email : cohort.emails()) {
                Person person = Person.findByEmail(email);
                if (person == null || !person.active) {
                    notFound.add(email);
                } else {
                    people.add(person);
                }
            }
        } else if (filtered) {
            checkFilter(cohort, errors);
            people = errors.any() ? List.of() : matching(cohort);
        } else {
            errors.add("cohort", "Choose a filter (department, level or office) or paste a list of emails.");
        }
        if (errors.any()) {
            return new CohortReport(List.of(), List.of(), notFound);
        }
        List<String> enrolled = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Person person : people) {
            if (Enrollment.find(program, person) != null) {
                already.add(person.email);
                continue;
            }
            Enrollment enrollment = new Enrollment();
            enrollment.program = program;
            enrollment.person = person;
            copyRoles(template, enrollment);
            enrollment.persist();
            enrolled.add(person.email);
        }
        audit.record("COHORT_ENROLLED", "PROGRAM", program.id, program.id,
                enrolled.size() + " enrolled, " + already.size() + " already, " + notFound.size() + " not found");
        return new CohortReport(enrolled, already, notFound);
    }

    /** At most five entries, each cut to 60 characters, so a pasted file cannot flood the page. */
    private static String abbreviated(List<String> values) {
        List<String> shown = values.stream().limit(5)
                .map(v -> v.length() <= 60 ? v : v.substring(0, 60) + "…").toList();
        return String.join(", ", shown) + (values.size() > 5 ? " and " + (values.size() - 5) + " more" : "");
    }

    /** A filter nobody could match is a mistake to point out, not an empty cohort to report. */
    private static void checkFilter(Cohort cohort, FormErrors errors) {
        checkLevel(cohort.minLevel(), "minLevel", errors);
        checkLevel(cohort.maxLevel(), "maxLevel", errors);
        if (!errors.any() && cohort.minLevel() != null && cohort.maxLevel() != null
                && cohort.minLevel() > cohort.maxLevel()) {
            errors.add("maxLevel", "The highest level must not be below the lowest.");
        }
        if (cohort.departmentId() != null && Department.findById(cohort.departmentId()) == null) {
            errors.add("departmentId", "There is no such department.");
        }
        if (cohort.officeId() != null && Office.findById(cohort.officeId()) == null) {
            errors.add("officeId", "There is no such office.");
        }
    }

    private static void checkLevel(Integer level, String field, FormErrors errors) {
        if (level != null && (level < Level.MIN || level > Level.MAX)) {
            errors.add(field, "Levels go from " + Level.MIN + " to " + Level.MAX + ".");
        }
    }

    private static List<Person> matching(Cohort cohort) {
        StringBuilder query = new StringBuilder("active = true");
        Parameters params = new Parameters();
        if (cohort.departmentId() != null) {
            query.append(" and department.id = :department");
            params.and("department", cohort.departmentId());
        }
        if (cohort.minLevel() != null) {
            query.append(" and level >= :minLevel");
            params.and("minLevel", cohort.minLevel());
        }
        if (cohort.maxLevel() != null) {
            query.append(" and level <= :maxLevel");
            params.and("maxLevel", cohort.maxLevel());
        }
        if (cohort.officeId() != null) {
            query.append(" and office.id = :office");
            params.and("office", cohort.officeId());
        }
        return Person.list(query.append(" order by fullName").toString(), params);
    }

    /** Splits a pasted list on commas, semicolons, spaces and new lines into distinct normalized emails. */
    public static List<String> parseEmails(String pasted) {
        Set<String> emails = new LinkedHashSet<>();
        if (pasted != null) {
            for (String part : pasted.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    emails.add(EmailAddress.normalize(part));
                }
            }
        }
        return List.copyOf(emails);
    }

    private Enrollment validate(Program program, EnrollmentForm form, FormErrors errors) {
        Enrollment e = new Enrollment();
        e.asMentor = FormFields.checked(form.asMentor);
        e.asMentee = FormFields.checked(form.asMentee);
        e.asCircleMember = FormFields.checked(form.asCircleMember);
        if (!e.asMentor && !e.asMentee && !e.asCircleMember) {
            errors.add("roles", "Choose at least one way to take part.");
        }
        if ((e.asMentor || e.asMentee) && !program.type.pairs()) {
            errors.add("roles", "This programme has peer circles only, no 1:1 mentoring.");
        }
        if (e.asCircleMember && !program.type.circles()) {
            errors.add("roles", "This programme has 1:1 mentoring only, no peer circles.");
        }
        if (e.asMentor) {
            Integer capacity = FormFields.intIn(form.mentorCapacity, 1, Person.MAX_MENTOR_CAPACITY, "mentorCapacity",
                    "Mentoring capacity", errors);
            e.mentorCapacity = capacity == null ? 1 : capacity;
        }
        Set<String> goals = ProfileService.parseGoals(form.goals, errors);
        e.programGoals = goals.isEmpty() ? null : String.join(", ", goals);
        return e;
    }

    private static void copyRoles(Enrollment from, Enrollment to) {
        to.asMentor = from.asMentor;
        to.mentorCapacity = from.mentorCapacity;
        to.asMentee = from.asMentee;
        to.asCircleMember = from.asCircleMember;
        to.programGoals = from.programGoals;
    }

    private static Program program(long id) {
        Program program = Program.findById(id);
        if (program == null) {
            throw new NotFoundException();
        }
        return program;
    }
}
