package io.bridgeway.web;

import io.bridgeway.people.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The landing page: what Bridgeway is, and where to go next. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(long people);
    }

    @GET
    @Transactional
    public TemplateInstance home() {
        return Templates.home(Person.count("active", true));
    }
}
