package io.bridgeway.people;

import io.bridgeway.security.Role;
import io.bridgeway.web.Paged;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
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

    public record Listing(Paged<Person> people, String query) {
        public String encodedQuery() {
            return java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
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
        return Templates.people(new Listing(Paged.of(found, page), query));
    }
}
