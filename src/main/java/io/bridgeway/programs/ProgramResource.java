package io.bridgeway.programs;

import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;

/**
 * Programme pages: the list, create and edit (managers), the detail page with enrollment. Not transactional
 * itself: each service call commits on its own, so a write that loses at commit reaches the 409 mapper.
 */
@Path("/programs")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProgramResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ProgramPages.Listed> programs);

        static native TemplateInstance form(Long programId, ProgramForm form, FormErrors errors,
                List<ProgramType> types, List<ProgramSettings.Section> sections);

        static native TemplateInstance detail(ProgramPages.Detail detail);
    }

    @Inject
    Viewer viewer;

    @Inject
    ProgramService programs;

    @Inject
    ProgramPages pages;

    @Inject
    EnrollmentService enrollments;

    @GET
    public TemplateInstance list() {
        return Templates.list(pages.all());
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    public TemplateInstance newForm() {
        Program defaults = new Program();
        defaults.enrollmentOpens = LocalDate.now();
        defaults.enrollmentCloses = LocalDate.now().plusWeeks(2);
        defaults.circleStartDate = LocalDate.now().plusWeeks(3);
        return form(null, ProgramForm.of(defaults), FormErrors.none());
    }

    @POST
    @Path("new")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam ProgramForm form, MultivaluedMap<String, String> fields) {
        form.withSettings(fields::getFirst);
        ProgramService.Saved saved = programs.create(form, viewer.personId());
        if (saved.errors().any()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(form(null, form, saved.errors())).build();
        }
        return Flash.redirect("/programs/" + saved.program().id, "Programme “" + saved.program().name + "” created.");
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    public TemplateInstance editForm(@PathParam("id") long id) {
        return form(id, pages.form(id), FormErrors.none());
    }

    /** A stale version, checked or found at commit, is the 409 page of {@code ErrorPages}. */
    @POST
    @Path("{id}/edit")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @BeanParam ProgramForm form, MultivaluedMap<String, String> fields) {
        form.withSettings(fields::getFirst);
        ProgramService.Saved saved = programs.update(id, form);
        if (saved.errors().any()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(form(id, form, saved.errors())).build();
        }
        return Flash.redirect("/programs/" + id, "Programme saved.");
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("q") String query) {
        return Templates.detail(pages.detail(id, page, query, null, FormErrors.none(), CohortInput.empty(),
                FormErrors.none(), null));
    }

    @POST
    @Path("{id}/enroll")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enroll(@PathParam("id") long id, @BeanParam EnrollmentForm form) {
        FormErrors errors = enrollments.enrollSelf(id, viewer.personId(), form, LocalDate.now());
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.detail(pages.detail(id, 0, null,
                    form, errors, CohortInput.empty(), FormErrors.none(), null))).build();
        }
        return Flash.redirect("/programs/" + id, "You are enrolled. We will let you know when you are matched.");
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@PathParam("id") long id, @FormParam("pausedUntil") String pausedUntil) {
        FormErrors errors = enrollments.pause(id, viewer.personId(), pausedUntil, LocalDate.now());
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.detail(pages.withPauseErrors(id, pausedUntil, errors))).build();
        }
        return Flash.redirect("/programs/" + id, "You are paused. Rounds started before " + pausedUntil.strip()
                + " leave you out; after that you are back without doing anything.");
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("id") long id) {
        if (!enrollments.resume(id, viewer.personId())) {
            throw new NotFoundException(); // not enrolled: there is no pause to end
        }
        return Flash.redirect("/programs/" + id, "Welcome back: the next round includes you.");
    }

    @POST
    @Path("{id}/withdraw")
    public Response withdraw(@PathParam("id") long id) {
        enrollments.withdraw(id, viewer.personId());
        return Flash.redirect("/programs/" + id, "You have left this programme.");
    }

    @POST
    @Path("{id}/cohort")
    @RolesAllowed({Role.PROGRAM_MANAGER, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrollCohort(@PathParam("id") long id, @BeanParam CohortInput input) {
        FormErrors found = new FormErrors();
        EnrollmentService.Cohort cohort = input.cohort(found);
        EnrollmentService.CohortReport report = found.any() ? null
                : enrollments.enrollCohort(id, cohort, input.enrollment(), found);
        FormErrors errors = CohortInput.onForm(found);
        Response.Status status = errors.any() ? Response.Status.BAD_REQUEST : Response.Status.OK;
        return Response.status(status).entity(Templates.detail(pages.detail(id, 0, null, null, FormErrors.none(),
                errors.any() ? input : CohortInput.empty(), errors, errors.any() ? null : report))).build();
    }

    private static TemplateInstance form(Long id, ProgramForm form, FormErrors errors) {
        return Templates.form(id, form, errors, List.of(ProgramType.values()), ProgramSettings.sections());
    }

    static Program program(long id) {
        Program program = Program.findById(id);
        if (program == null) {
            throw new NotFoundException();
        }
        return program;
    }
}
