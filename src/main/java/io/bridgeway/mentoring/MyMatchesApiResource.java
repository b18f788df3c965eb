package io.bridgeway.mentoring;

import io.bridgeway.web.Viewer;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "My mentoring" as JSON: the caller's own published matches only. */
@Path("/api/v1/me/matches")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class MyMatchesApiResource {

    @Inject
    Viewer viewer;

    @Inject
    MyMatches matches;

    @GET
    @Operation(summary = "My current and past pairs and circles (published rounds), with partners' e-mail and "
            + "meeting times (ISO-8601 with the offset of my time zone)")
    public MyMatches.Mentoring mine() {
        return matches.of(viewer.personId());
    }
}
