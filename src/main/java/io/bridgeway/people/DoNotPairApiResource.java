package io.bridgeway.people;

import io.bridgeway.web.Viewer;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's own do-not-pair list; there is no way to read anyone else's. */
@Path("/api/v1/me/do-not-pair")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class DoNotPairApiResource {

    @Inject
    Viewer viewer;

    @Inject
    DoNotPairLists lists;

    @GET
    @Operation(summary = "My confidential do-not-pair list (only ever my own)")
    public List<DoNotPairLists.Entry> mine() {
        return lists.of(viewer.personId());
    }
}
