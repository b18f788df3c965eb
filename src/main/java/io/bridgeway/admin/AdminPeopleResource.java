package io.bridgeway.admin;

import io.bridgeway.security.Role;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Admins' people directory (search, filters, pages) and the person page with its account actions:
 * granting and revoking roles, deactivating and reactivating. No transaction here: the services
 * commit, so a stale write found at commit reaches the 409 mapper.
 */
@Path("/admin/people")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPeopleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance people(PeopleDirectory.Listing listing, FormErrors errors);

        static native TemplateInstance person(PersonPages.PersonPage person, FormErrors errors);
    }

    @Inject
    PeopleDirectory directory;

    @Inject
    PersonPages pages;

    @Inject
    PersonAccounts accounts;

    @GET
    public Response list(@BeanParam PeopleDirectory.Filter filter, @QueryParam("page") @DefaultValue("0") int page) {
        FormErrors errors = FormErrors.none();
        PeopleDirectory.Listing listing = directory.search(filter.stripped(), page, errors);
        return Response.status(errors.any() ? Response.Status.BAD_REQUEST : Response.Status.OK)
                .entity(Templates.people(listing, errors)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance person(@PathParam("id") long id) {
        return Templates.person(pages.of(id), FormErrors.none());
    }

    @POST
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("id") long id, @FormParam("role") String role,
            @FormParam("grant") String grant, @FormParam("version") String version) {
        boolean granting = "true".equals(grant);
        return answer(id, accounts.changeRole(id, role, granting, version),
                granting ? "Granted " + PersonAccounts.label(role) + "." : "Revoked " + PersonAccounts.label(role) + ".");
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("id") long id, @FormParam("version") String version) {
        return answer(id, accounts.setActive(id, false, version),
                "Account deactivated: they cannot sign in, their sessions have ended and new rounds skip them.");
    }

    @POST
    @Path("{id}/reactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reactivate(@PathParam("id") long id, @FormParam("version") String version) {
        return answer(id, accounts.setActive(id, true, version), "Account reactivated: they can sign in again.");
    }

    /** Back to the person page: with a flash when done, or again with the reason (400) and nothing changed. */
    private Response answer(long id, FormErrors errors, String done) {
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.person(pages.of(id), errors)).build();
        }
        return Flash.redirect("/admin/people/" + id, done);
    }
}
