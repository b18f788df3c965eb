package io.bridgeway.admin;

import io.bridgeway.people.ProfileOptions;
import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Admins' page for departments and offices: list, add, rename, delete when unused. */
@Path("/admin/organisation")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AdminOrganisationResource {

    static final String PAGE = "/admin/organisation";

    /** What the add forms hold, as typed, so a refused value is shown back next to its message. */
    public record Typed(String departmentName, String officeName, String officeTimeZone) {
        static Typed empty() {
            return new Typed("", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisation(Organisation.Units units, Typed typed, FormErrors errors,
                List<String> zones);

        /** {@code kind} is "department" or "office"; the office form also edits the time zone. */
        static native TemplateInstance edit(String kind, Organisation.Unit unit, String name, String timeZone,
                FormErrors errors, List<String> zones);
    }

    @Inject
    Organisation organisation;

    @GET
    public TemplateInstance page() {
        return page(Typed.empty(), FormErrors.none());
    }

    @POST
    @Path("departments")
    public Response addDepartment(@FormParam("departmentName") String name) {
        FormErrors errors = organisation.saveDepartment(null, name, "departmentName");
        return errors.any() ? badRequest(page(new Typed(name, "", ""), errors))
                : Flash.redirect(PAGE, "Department " + name.strip() + " added.");
    }

    @POST
    @Path("offices")
    public Response addOffice(@FormParam("officeName") String name, @FormParam("officeTimeZone") String zone) {
        FormErrors errors = organisation.saveOffice(null, name, zone, "officeName", "officeTimeZone");
        return errors.any() ? badRequest(page(new Typed("", name, zone), errors))
                : Flash.redirect(PAGE, "Office " + name.strip() + " added.");
    }

    @GET
    @Path("departments/{id}")
    public TemplateInstance editDepartment(@PathParam("id") long id) {
        Organisation.Unit unit = organisation.department(id);
        return Templates.edit("department", unit, unit.name(), null, FormErrors.none(), List.of());
    }

    @POST
    @Path("departments/{id}")
    public Response renameDepartment(@PathParam("id") long id, @FormParam("name") String name) {
        FormErrors errors = organisation.saveDepartment(id, name, "name");
        return errors.any()
                ? badRequest(Templates.edit("department", organisation.department(id), name, null, errors, List.of()))
                : Flash.redirect(PAGE, "Department renamed to " + name.strip() + ".");
    }

    @GET
    @Path("offices/{id}")
    public TemplateInstance editOffice(@PathParam("id") long id) {
        Organisation.Unit unit = organisation.office(id);
        return Templates.edit("office", unit, unit.name(), unit.timeZone(), FormErrors.none(),
                ProfileOptions.TIME_ZONES);
    }

    @POST
    @Path("offices/{id}")
    public Response changeOffice(@PathParam("id") long id, @FormParam("name") String name,
            @FormParam("timeZone") String zone) {
        FormErrors errors = organisation.saveOffice(id, name, zone, "name", "timeZone");
        return errors.any()
                ? badRequest(Templates.edit("office", organisation.office(id), name, zone, errors,
                        ProfileOptions.TIME_ZONES))
                : Flash.redirect(PAGE, "Office " + name.strip() + " saved.");
    }

    @POST
    @Path("departments/{id}/delete")
    public Response deleteDepartment(@PathParam("id") long id) {
        FormErrors errors = organisation.deleteDepartment(id);
        return errors.any() ? conflict(page(Typed.empty(), errors)) : Flash.redirect(PAGE, "Department deleted.");
    }

    @POST
    @Path("offices/{id}/delete")
    public Response deleteOffice(@PathParam("id") long id) {
        FormErrors errors = organisation.deleteOffice(id);
        return errors.any() ? conflict(page(Typed.empty(), errors)) : Flash.redirect(PAGE, "Office deleted.");
    }

    private TemplateInstance page(Typed typed, FormErrors errors) {
        return Templates.organisation(organisation.list(), typed, errors, ProfileOptions.TIME_ZONES);
    }

    private static Response badRequest(TemplateInstance page) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page).build();
    }

    /** Deleting something still in use conflicts with the data as it is: 409, the list with the reason. */
    private static Response conflict(TemplateInstance page) {
        return Response.status(Response.Status.CONFLICT).entity(page).build();
    }
}
