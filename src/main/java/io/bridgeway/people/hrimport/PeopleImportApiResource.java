package io.bridgeway.people.hrimport;

import io.bridgeway.security.Role;
import io.bridgeway.web.FormFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /api/v1/people/import?dryRun=true|false} with a {@code text/csv} body: 200 with the counts, 422
 * with every error (nothing written), 413 over {@code bridgeway.import.max-bytes}, 400 for a dryRun other than
 * true or false.
 */
@Path("/api/v1/people/import")
@RolesAllowed(Role.ADMIN)
public class PeopleImportApiResource {

    @Inject
    PeopleImport importer;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importPeople(@QueryParam("dryRun") String rawDryRun, byte[] body) {
        boolean dryRun = FormFields.trueOrFalse(rawDryRun, false, "dryRun");
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > importer.maxBytes()) {
            return Response.status(413).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", importer.tooLargeMessage(), "status", 413)).build();
        }
        ImportResult result = importer.run(content, dryRun);
        return Response.status(result.hasErrors() ? 422 : 200).entity(result).build();
    }
}
