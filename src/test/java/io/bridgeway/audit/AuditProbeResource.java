package io.bridgeway.audit;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Test-only endpoint: records an entry as the signed-in caller, to check the actor is taken from the identity. */
@Path("/api/test/audit-probe")
@Authenticated
public class AuditProbeResource {

    @Inject
    AuditLog audit;

    @GET
    @Transactional
    public String record(@QueryParam("action") String action) {
        audit.record(action, "Probe", 1L, null, "probe");
        return "ok";
    }
}
