package io.bridgeway.feedback;

import io.bridgeway.web.Flash;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** "My surveys": the signed-in person's due feedback surveys, and the form to answer one. */
@Path("/surveys")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SurveyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Surveys.Pending> pending);

        static native TemplateInstance answer(Surveys.Pending survey, SurveyForm form, FormErrors errors);
    }

    @Inject
    Surveys surveys;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance list() {
        return Templates.list(surveys.pendingFor(viewer.personId(), Instant.now()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance form(@PathParam("id") long id) {
        return Templates.answer(surveys.pending(viewer.personId(), id, Instant.now()), new SurveyForm(),
                FormErrors.none());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") long id, @BeanParam SurveyForm form) {
        long me = viewer.personId();
        FormErrors errors = surveys.answer(me, id, form, Instant.now());
        if (errors.any()) {
            return Response.status(400)
                    .entity(Templates.answer(surveys.pending(me, id, Instant.now()), form, errors)).build();
        }
        return Flash.redirect("/surveys", "Thank you: your answers are saved. Only you can see them.");
    }
}
