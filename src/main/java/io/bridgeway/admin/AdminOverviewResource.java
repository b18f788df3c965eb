package io.bridgeway.admin;

import io.bridgeway.audit.AdminAuditResource;
import io.bridgeway.audit.AuditEntry;
import io.bridgeway.people.Person;
import io.bridgeway.programs.Program;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.RoundStatus;
import io.bridgeway.security.Role;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/** Where admins land: the figures that need attention, the latest audit entries and the admin pages. */
@Path("/admin")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminOverviewResource {

    static final int LATEST_AUDIT = 10;

    public record Overview(long people, long activePeople, long openProgrammes, long openDrafts,
            List<AdminAuditResource.Row> latest) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Overview overview);
    }

    @GET
    @Transactional
    public TemplateInstance overview() {
        LocalDate today = LocalDate.now();
        List<AdminAuditResource.Row> latest = AuditEntry.<AuditEntry>findAll(
                Sort.by("occurredAt").descending().and("id", Sort.Direction.Descending))
                .page(Page.ofSize(LATEST_AUDIT)).list().stream().map(AdminAuditResource.Row::of).toList();
        return Templates.overview(new Overview(Person.count(), Person.count("active", true),
                Program.count("enrollmentOpens <= ?1 and enrollmentCloses >= ?1", today),
                MatchingRound.count("status", RoundStatus.DRAFT), latest));
    }
}
