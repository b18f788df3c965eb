package io.bridgeway.mentoring;

import io.bridgeway.notifications.MeetingInvites;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The personal subscription feed: calendar apps fetch it without a session, so the secret token in the URL is
 * the only key. A wrong or replaced token is a plain 404, the same as any unknown page.
 */
@Path("/calendar")
@PermitAll
public class CalendarFeedResource {

    @Inject
    CalendarFeeds feeds;

    @Inject
    MyMatches matches;

    @ConfigProperty(name = "quarkus.mailer.from")
    String organizer;

    @GET
    @Path("{token: [A-Za-z0-9_-]{1,100}}.ics")
    @Produces(MentoringResource.CALENDAR)
    public String feed(@PathParam("token") String token) {
        long person = feeds.personOf(token).orElseThrow(NotFoundException::new);
        return MeetingInvites.published(organizer, matches.meetingsOf(person));
    }
}
