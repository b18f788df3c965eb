package io.bridgeway.mentoring;

import io.bridgeway.notifications.MeetingInvites;
import io.bridgeway.web.Flash;
import io.bridgeway.web.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** "My mentoring": my current and past matches, my meetings as a calendar file, and my subscription link. */
@Path("/mentoring")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MentoringResource {

    static final String CALENDAR = "text/calendar; charset=utf-8";

    @CheckedTemplate
    static class Templates {
        /** {@code newFeedUrl} is set only on the answer that made it: the token is never stored to show again. */
        static native TemplateInstance mentoring(MyMatches.Mentoring mine, Instant feedCreatedAt, String newFeedUrl);
    }

    @Inject
    Viewer viewer;

    @Inject
    MyMatches matches;

    @Inject
    CalendarFeeds feeds;

    @ConfigProperty(name = "quarkus.mailer.from")
    String organizer;

    @Context
    UriInfo uri;

    @GET
    public TemplateInstance page() {
        long me = viewer.personId();
        return Templates.mentoring(matches.of(me), feeds.createdAt(me).orElse(null), null);
    }

    @GET
    @Path("calendar.ics")
    @Produces(CALENDAR)
    public Response calendar() {
        return Response.ok(MeetingInvites.published(organizer, matches.meetingsOf(viewer.personId())))
                .header("Content-Disposition", "attachment; filename=\"my-mentoring.ics\"").build();
    }

    /** A new subscription link; the old one stops working at once. A form post, so the CSRF token is checked. */
    @POST
    @Path("calendar-feed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance regenerateFeed() {
        long me = viewer.personId();
        String token = feeds.regenerate(me);
        String url = uri.getBaseUriBuilder().path("calendar").path(token + ".ics").build().toString();
        return Templates.mentoring(matches.of(me), feeds.createdAt(me).orElse(null), url);
    }

    /** Turns my subscription link off (it answers 404 from now on); only ever my own, and a form post (CSRF). */
    @POST
    @Path("calendar-feed/off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response turnOffFeed() {
        boolean hadOne = feeds.turnOff(viewer.personId());
        return Flash.redirect("/mentoring", hadOne ? "Your calendar link is off: calendar apps that use it get nothing "
                + "from now on." : "You have no calendar link to turn off.");
    }
}
