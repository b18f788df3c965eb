package io.bridgeway.people;

import io.bridgeway.security.SessionCookie;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import io.bridgeway.web.Found;
import io.bridgeway.web.StaleEditException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A person's own profile: view, edit, download all their data, delete the account. */
@Path("/profile")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance view(ProfileView view);

        static native TemplateInstance edit(ProfileForm form, FormErrors errors, ProfileOptions.Options options,
                String conflict);

        static native TemplateInstance delete(Person person, FormErrors errors);
    }

    @Inject
    Viewer viewer;

    @Inject
    ProfileService profiles;

    @Inject
    ProfileOptions options;

    @Inject
    PersonExport export;

    @Inject
    SessionCookie sessionCookie;

    @GET
    public TemplateInstance view() {
        return Templates.view(profiles.view(viewer.personId(), viewer.rowVersion()));
    }

    @GET
    @Path("edit")
    @Transactional
    public TemplateInstance edit() {
        return Templates.edit(ProfileService.formOf(me()), FormErrors.none(), options.load(), null);
    }

    @POST
    @Path("edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@BeanParam ProfileForm form) {
        if (form.applyToggle()) {
            return Response.ok(Templates.edit(form, FormErrors.none(), options.load(), null)).build();
        }
        try {
            FormErrors errors = profiles.update(viewer.personId(), form);
            if (errors.any()) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(Templates.edit(form, errors, options.load(), null)).build();
            }
        } catch (StaleEditException stale) { // the form again, with what the person typed
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.edit(form, FormErrors.none(), options.load(), stale.getMessage())).build();
        }
        return Flash.redirect("/profile", "Your profile is saved.");
    }

    /** Everything Bridgeway stores about the signed-in person, as a JSON file. */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response download() {
        return Response.ok(export.of(me()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bridgeway-my-data.json\"")
                .build();
    }

    @GET
    @Path("delete")
    @Transactional
    public TemplateInstance confirmDelete() {
        return Templates.delete(me(), FormErrors.none());
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response delete(@FormParam("confirmEmail") String confirmEmail) {
        Person me = me();
        if (confirmEmail == null || !me.email.equals(Person.normalizeEmail(confirmEmail))) {
            FormErrors errors = new FormErrors().add("confirmEmail",
                    "Type your email address exactly as shown to confirm the deletion.");
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.delete(me, errors)).build();
        }
        FormErrors refused = profiles.delete(me.id);
        if (refused.any()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.delete(me, refused)).build();
        }
        return Response.fromResponse(Flash.redirect("/", "Your account and personal data have been deleted."))
                .header(HttpHeaders.SET_COOKIE, sessionCookie.expired()).build();
    }

    private Person me() {
        return Found.orNotFound(Person.findById(viewer.personId()));
    }
}
