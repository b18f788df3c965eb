package io.bridgeway.programs;

import io.bridgeway.people.Department;
import io.bridgeway.people.Office;
import io.bridgeway.people.Person;
import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.Paged;
import io.bridgeway.web.Viewer;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Programme pages: the list, create and edit (managers), the detail page with enrollment. */
@Path("/programs")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProgramResource {

    public record Choices(List<ProgramType> types, List<PreviousPartners> previousPartners,
            List<Department> departments, List<Office> offices) {
    }

    /** Everything the detail page shows; read inside the transaction. */
    public record Detail(Program program, boolean open, boolean manager, boolean enrolled, EnrollmentForm mine,
            FormErrors mineErrors, Paged<Enrollment> participants, Choices choices, CohortInput cohort,
            FormErrors cohortErrors, EnrollmentService.CohortReport report, List<ProgramRounds.RoundLink> rounds,
            List<ProgramRounds.Waiter> waiting) {
    }

    public record CohortInput(String departmentId, String minLevel, String maxLevel, String officeId, String emails,
            EnrollmentForm roles) {
        static CohortInput empty() {
            EnrollmentForm roles = new EnrollmentForm();
            roles.asMentee = "true";
            roles.mentorCapacity = "1";
            return new CohortInput("", "", "", "", "", roles);
        }

        public boolean same(String value, Object option) {
            return value != null && value.equals(String.valueOf(option));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Program> programs, LocalDate today);

        static native TemplateInstance form(Long programId, ProgramForm form, FormErrors errors, Choices choices,
                String conflict);

        static native TemplateInstance detail(Detail detail);
    }

    @Inject
    Viewer viewer;

    @Inject
    ProgramService programs;

    @Inject
    EnrollmentService enrollments;

    @Inject
    ProgramRounds programRounds;

    @GET
    @Transactional
    public TemplateInstance list() {
        return Templates.list(Program.listAll(Sort.by("enrollmentCloses").descending()), LocalDate.now());
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Transactional
    public TemplateInstance newForm() {
        Program defaults = new Program();
        defaults.enrollmentOpens = LocalDate.now();
        defaults.enrollmentCloses = LocalDate.now().plusWeeks(2);
        defaults.circleStartDate = LocalDate.now().plusWeeks(3);
        return Templates.form(null, ProgramForm.of(defaults), FormErrors.none(), choices(), null);
    }

    @POST
    @Path("new")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response create(@BeanParam ProgramForm form) {
        ProgramService.Saved saved = programs.create(form, viewer.personId());
        if (saved.errors().any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(null, form, saved.errors(), choices(), null)).build();
        }
        return Flash.redirect("/programs/" + saved.program().id, "Programme “" + saved.program().name + "” created.");
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Transactional
    public TemplateInstance editForm(@PathParam("id") long id) {
        return Templates.form(id, ProgramForm.of(program(id)), FormErrors.none(), choices(), null);
    }

    @POST
    @Path("{id}/edit")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response edit(@PathParam("id") long id, @BeanParam ProgramForm form) {
        try {
            ProgramService.Saved saved = programs.update(id, form);
            if (saved.errors().any()) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(Templates.form(id, form, saved.errors(), choices(), null)).build();
            }
        } catch (OptimisticLockException stale) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.form(id, form, FormErrors.none(), choices(), stale.getMessage())).build();
        }
        return Flash.redirect("/programs/" + id, "Programme saved.");
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page) {
        return Templates.detail(detail(id, page, null, FormErrors.none(), CohortInput.empty(), FormErrors.none(), null));
    }

    @POST
    @Path("{id}/enroll")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response enroll(@PathParam("id") long id, @BeanParam EnrollmentForm form) {
        FormErrors errors = enrollments.enrollSelf(id, viewer.personId(), form, LocalDate.now());
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.detail(detail(id, 0, form, errors, CohortInput.empty(), FormErrors.none(), null)))
                    .build();
        }
        return Flash.redirect("/programs/" + id, "You are enrolled. We will let you know when you are matched.");
    }

    @POST
    @Path("{id}/withdraw")
    @Transactional
    public Response withdraw(@PathParam("id") long id) {
        enrollments.withdraw(id, viewer.personId());
        return Flash.redirect("/programs/" + id, "You have left this programme.");
    }

    @POST
    @Path("{id}/cohort")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response enrollCohort(@PathParam("id") long id, @RestForm String departmentId, @RestForm String minLevel,
            @RestForm String maxLevel, @RestForm String officeId, @RestForm String emails,
            @BeanParam EnrollmentForm roles) {
        FormErrors errors = new FormErrors();
        CohortInput input = new CohortInput(departmentId, minLevel, maxLevel, officeId, emails, roles);
        EnrollmentService.Cohort cohort = new EnrollmentService.Cohort(FormFields.parseLong(departmentId),
                optionalLevel(minLevel, "minLevel", errors), optionalLevel(maxLevel, "maxLevel", errors),
                FormFields.parseLong(officeId), EnrollmentService.parseEmails(emails));
        EnrollmentService.CohortReport report = errors.any() ? null : enrollments.enrollCohort(id, cohort, roles, errors);
        Response.Status status = errors.any() ? Response.Status.BAD_REQUEST : Response.Status.OK;
        return Response.status(status)
                .entity(Templates.detail(detail(id, 0, null, FormErrors.none(), input, errors, errors.any() ? null : report)))
                .build();
    }

    private static Integer optionalLevel(String raw, String field, FormErrors errors) {
        return raw == null || raw.isBlank() ? null : FormFields.intIn(raw, 1, 8, field, "Level", errors);
    }

    private Detail detail(long id, int page, EnrollmentForm mine, FormErrors mineErrors, CohortInput cohort,
            FormErrors cohortErrors, EnrollmentService.CohortReport report) {
        Program program = program(id);
        Person me = Person.findById(viewer.personId());
        Enrollment existing = Enrollment.find(program, me);
        EnrollmentForm form = mine != null ? mine : existing != null ? EnrollmentForm.of(existing) : defaultRoles(program);
        Paged<Enrollment> participants = null;
        if (viewer.programManager()) {
            participants = Paged.of(Enrollment.<Enrollment>find("program = ?1", Sort.by("person.fullName"), program), page);
        }
        return new Detail(program, program.enrollmentOpenOn(LocalDate.now()), viewer.programManager(),
                existing != null, form, mineErrors, participants, choices(), cohort, cohortErrors, report,
                viewer.programManager() ? programRounds.of(program) : List.of(),
                viewer.programManager() ? programRounds.waiting(program) : List.of());
    }

    private static EnrollmentForm defaultRoles(Program program) {
        EnrollmentForm form = new EnrollmentForm();
        form.mentorCapacity = "1";
        form.asMentee = program.type.pairs() ? "true" : null;
        form.asCircleMember = program.type.pairs() ? null : "true";
        return form;
    }

    private static Choices choices() {
        return new Choices(List.of(ProgramType.values()), List.of(PreviousPartners.values()),
                Department.listByName(), Office.listByName());
    }

    static Program program(long id) {
        Program program = Program.findById(id);
        if (program == null) {
            throw new NotFoundException();
        }
        return program;
    }
}
