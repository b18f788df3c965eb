package io.bridgeway.web;

import jakarta.annotation.security.PermitAll;
import io.bridgeway.mentoring.MyMatches;
import io.bridgeway.people.Person;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The landing page: what Bridgeway is, and where to go next. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
// visitors see the welcome page; signed-in people their summary
@PermitAll
public class HomeResource {

    @Inject
    Viewer viewer;

    @Inject
    MyMatches matches;

    @CheckedTemplate
    static class Templates {
        /** {@code mine} is null for a visitor who is not signed in. */
        static native TemplateInstance home(long people, MyMatches.Mentoring mine);
    }

    @GET
    @Transactional
    public TemplateInstance home() {
        Long me = viewer.personId();
        return Templates.home(Person.count("active", true), me == null ? null : matches.of(me));
    }
}
