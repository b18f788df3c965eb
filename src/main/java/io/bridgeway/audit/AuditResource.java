package io.bridgeway.audit;

import io.bridgeway.security.Role;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestQuery;

/** Admins read the audit log, newest first, filtered by action, actor, subject, programme and dates. */
@Path("/admin/audit")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    static final int PAGE_SIZE = 50;

    public static class Filter {
        @RestQuery public String action;
        @RestQuery public String actor;
        @RestQuery public String subjectType;
        @RestQuery public String programId;
        @RestQuery public String from;
        @RestQuery public String to;
        @RestQuery public String page;

        public String query(int pageNumber) {
            StringBuilder q = new StringBuilder("?page=").append(pageNumber);
            append(q, "action", action);
            append(q, "actor", actor);
            append(q, "subjectType", subjectType);
            append(q, "programId", programId);
            append(q, "from", from);
            append(q, "to", to);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        public boolean same(String value, String option) {
            return option.equals(value);
        }
    }

    public record Listing(List<AuditEntry> entries, int page, int pageCount, long total, List<String> actions,
            Filter filter, FormErrors errors) {
        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pageCount;
        }

        public String previousQuery() {
            return filter.query(page - 1);
        }

        public String nextQuery() {
            return filter.query(page + 1);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Listing listing);
    }

    @GET
    @Transactional
    public Response list(@BeanParam Filter filter) {
        FormErrors errors = new FormErrors();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (notBlank(filter.action)) {
            where.append(" and action = :action");
            params.and("action", filter.action.strip());
        }
        if (notBlank(filter.actor)) {
            where.append(" and lower(actor) like :actor");
            params.and("actor", "%" + filter.actor.strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (notBlank(filter.subjectType)) {
            where.append(" and subjectType = :subjectType");
            params.and("subjectType", filter.subjectType.strip());
        }
        if (notBlank(filter.programId)) {
            Long programId = FormFields.parseLong(filter.programId);
            if (programId == null) {
                errors.add("programId", "Programme must be a number.");
            } else {
                where.append(" and programId = :programId");
                params.and("programId", programId);
            }
        }
        if (notBlank(filter.from)) {
            LocalDate from = FormFields.date(filter.from, "from", "From", errors);
            if (from != null) {
                where.append(" and occurredAt >= :from");
                params.and("from", from.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
        }
        if (notBlank(filter.to)) {
            LocalDate to = FormFields.date(filter.to, "to", "To", errors);
            if (to != null) {
                where.append(" and occurredAt < :to");
                params.and("to", to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
        }
        List<String> actions = AuditEntry.find("select distinct a.action from AuditEntry a order by a.action")
                .project(String.class).list();
        if (errors.any()) {
            Listing none = new Listing(List.of(), 0, 1, 0, actions, filter, errors);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.audit(none)).build();
        }
        var query = AuditEntry.<AuditEntry>find(where.toString(), Sort.by("occurredAt").descending().and("id").descending(), params);
        long total = query.count();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        Long requested = FormFields.parseLong(filter.page);
        int current = (int) Math.min(Math.max(0, requested == null ? 0 : requested), pageCount - 1);
        List<AuditEntry> entries = query.page(Page.of(current, PAGE_SIZE)).list();
        return Response.ok(Templates.audit(new Listing(entries, current, pageCount, total, actions, filter, errors))).build();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
