package io.bridgeway.people;

import io.bridgeway.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
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
import java.util.List;
import java.util.Locale;

/** Admins' list of everyone registered, searchable by name or email and paged. */
@Path("/admin/people")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPeopleResource {

    static final int PAGE_SIZE = 50;

    public record Listing(List<Person> people, String query, int page, int pageCount, long total) {
        public boolean hasPrevious() {
            return page > 0;
        }

        public String encodedQuery() {
            return java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
        }

        public boolean hasNext() {
            return page + 1 < pageCount;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance people(Listing listing);
    }

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("q") @DefaultValue("") String q, @QueryParam("page") @DefaultValue("0") int page) {
        String query = q.strip();
        PanacheQuery<Person> found = query.isEmpty()
                ? Person.findAll(Sort.by("fullName"))
                : Person.find("lower(fullName) like :q or email like :q", Sort.by("fullName"),
                        Parameters.with("q", "%" + query.toLowerCase(Locale.ROOT) + "%"));
        long total = found.count();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(0, page), pageCount - 1);
        List<Person> people = found.page(Page.of(current, PAGE_SIZE)).list();
        return Templates.people(new Listing(people, query, current, pageCount, total));
    }
}
