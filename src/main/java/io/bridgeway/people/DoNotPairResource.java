package io.bridgeway.people;

import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The signed-in person's own confidential do-not-pair list. Nobody else has a page, link or API for it. */
@Path("/profile/do-not-pair")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DoNotPairResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<DoNotPairLists.Entry> entries, String email, FormErrors errors,
                int maxEntries);
    }

    @Inject
    Viewer viewer;

    @Inject
    DoNotPairLists lists;

    @GET
    public TemplateInstance page() {
        return page("", FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("email") String email) {
        DoNotPairLists.Added added = lists.add(viewer.personId(), email);
        if (added.errors().any()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(page(email, added.errors())).build();
        }
        return Flash.redirect("/profile/do-not-pair", added.alreadyListed()
                ? added.colleagueName() + " is already on your list."
                : added.colleagueName() + " is on your list: you will not be matched with them. They are not told.");
    }

    @POST
    @Path("{entryId}/remove")
    public Response remove(@PathParam("entryId") long entryId) {
        if (!lists.remove(viewer.personId(), entryId)) {
            throw new NotFoundException(); // not a line of the viewer's own list
        }
        return Flash.redirect("/profile/do-not-pair", "Removed from your list.");
    }

    private TemplateInstance page(String email, FormErrors errors) {
        return Templates.page(lists.of(viewer.personId()), email, errors, DoNotPairLists.MAX_ENTRIES);
    }
}
