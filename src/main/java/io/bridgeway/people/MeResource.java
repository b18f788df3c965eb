package io.bridgeway.people;

import io.bridgeway.web.Viewer;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class MeResource {

    @Inject
    Viewer viewer;

    @Inject
    ProfileService profiles;

    @GET
    @Operation(summary = "The signed-in person's profile and roles")
    public ProfileJson me() {
        return profiles.json(viewer.personId(), viewer.rowVersion());
    }
}
