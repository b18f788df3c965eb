package io.bridgeway.audit;

import io.bridgeway.security.Role;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.Paged;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Admins' view of the audit log: newest first, filtered and paged. Dates are UTC days. */
@Path("/admin/audit")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminAuditResource {

    /** How admin pages show a moment: UTC to the second. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The filter as typed, so a bad value is shown back unchanged next to its message. */
    public record Filter(String action, String actor, String subjectType, String programId, String from, String to) {
        public String query() {
            return "action=" + enc(action) + "&actor=" + enc(actor) + "&subjectType=" + enc(subjectType)
                    + "&programId=" + enc(programId) + "&from=" + enc(from) + "&to=" + enc(to);
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** Read model of one entry, formatted inside the transaction. */
    public record Row(String occurredAt, String actorEmail, String action, String subjectType, Long subjectId,
            Long programId, String details) {
        public static Row of(AuditEntry e) {
            return new Row(TIME.format(e.occurredAt), e.actorEmail, e.action, e.subjectType, e.subjectId,
                    e.programId, e.details);
        }
    }

    public record Listing(Filter filter, List<String> actions, List<String> subjectTypes, Paged<Row> entries) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Listing listing, FormErrors errors);
    }

    @GET
    @Transactional
    public Response list(@QueryParam("action") @DefaultValue("") String action,
            @QueryParam("actor") @DefaultValue("") String actor,
            @QueryParam("subjectType") @DefaultValue("") String subjectType,
            @QueryParam("programId") @DefaultValue("") String programId,
            @QueryParam("from") @DefaultValue("") String from,
            @QueryParam("to") @DefaultValue("") String to,
            @QueryParam("page") @DefaultValue("0") String page) {
        Filter filter = new Filter(action.strip(), actor.strip(), subjectType.strip(), programId.strip(), from.strip(),
                to.strip());
        FormErrors errors = FormErrors.none();
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (!filter.action().isEmpty()) {
            clauses.add("action = :action");
            params.and("action", filter.action());
        }
        if (!filter.actor().isEmpty()) {
            clauses.add("lower(actorEmail) like :actor");
            params.and("actor", "%" + filter.actor().toLowerCase(Locale.ROOT) + "%");
        }
        if (!filter.subjectType().isEmpty()) {
            clauses.add("subjectType = :subjectType");
            params.and("subjectType", filter.subjectType());
        }
        if (!filter.programId().isEmpty()) {
            Long id = FormFields.parseLong(filter.programId());
            if (id == null || id < 1) {
                errors.add("programId", "Programme id must be a whole number, for example 12.");
            } else {
                clauses.add("programId = :programId");
                params.and("programId", id);
            }
        }
        LocalDate fromDate = filter.from().isEmpty() ? null : FormFields.date(filter.from(), "from", "From", errors);
        LocalDate toDate = filter.to().isEmpty() ? null : FormFields.date(filter.to(), "to", "To", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("to", "To must be on or after From.");
        }
        if (fromDate != null) {
            clauses.add("occurredAt >= :from");
            params.and("from", fromDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (toDate != null) {
            // Inclusive: everything before the start of the next day.
            clauses.add("occurredAt < :to");
            params.and("to", toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        List<String> actions = AuditEntry.find("select distinct action from AuditEntry order by action")
                .project(String.class).list();
        List<String> subjectTypes = AuditEntry.find(
                "select distinct subjectType from AuditEntry where subjectType is not null order by subjectType")
                .project(String.class).list();
        if (errors.any()) {
            Listing empty = new Listing(filter, actions, subjectTypes, new Paged<>(List.of(), 0, 1, 0));
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.audit(empty, errors)).build();
        }
        Sort newestFirst = Sort.by("occurredAt").descending().and("id", Sort.Direction.Descending);
        var found = clauses.isEmpty() ? AuditEntry.<AuditEntry>findAll(newestFirst)
                : AuditEntry.<AuditEntry>find(String.join(" and ", clauses), newestFirst, params);
        Long requested = FormFields.parseLong(page);
        Paged<Row> entries = Paged.of(found, requested == null ? 0 : (int) Math.min(requested, Integer.MAX_VALUE), Row::of);
        return Response.ok(Templates.audit(new Listing(filter, actions, subjectTypes, entries), errors)).build();
    }
}
