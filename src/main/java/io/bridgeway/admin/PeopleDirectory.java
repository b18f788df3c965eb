package io.bridgeway.admin;

import io.bridgeway.people.Department;
import io.bridgeway.people.Level;
import io.bridgeway.people.Office;
import io.bridgeway.people.Person;
import io.bridgeway.security.Role;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.Paged;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The admins' people directory: search by name or e-mail, filters, pages of {@link Paged#SIZE}. */
@ApplicationScoped
public class PeopleDirectory {

    public static final List<String> ROLES = List.of(Role.EMPLOYEE, Role.PROGRAM_MANAGER, Role.ADMIN);

    /** The filter as typed (query parameters), so a bad value is shown back next to its message. */
    public static class Filter {
        @QueryParam("q") @DefaultValue("") public String q = "";
        @QueryParam("department") @DefaultValue("") public String department = "";
        @QueryParam("level") @DefaultValue("") public String level = "";
        @QueryParam("office") @DefaultValue("") public String office = "";
        @QueryParam("role") @DefaultValue("") public String role = "";
        /** "yes", "no" or "" for everyone. */
        @QueryParam("active") @DefaultValue("") public String active = "";

        Filter stripped() {
            Filter f = new Filter();
            f.q = q.strip();
            f.department = department.strip();
            f.level = level.strip();
            f.office = office.strip();
            f.role = role.strip();
            f.active = active.strip();
            return f;
        }

        /** The query string that repeats this filter, for the pager's links. */
        public String query() {
            return "q=" + enc(q) + "&department=" + enc(department) + "&level=" + enc(level) + "&office="
                    + enc(office) + "&role=" + enc(role) + "&active=" + enc(active);
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** One row of the directory, read inside the transaction. */
    public record Row(long id, String name, String email, String department, String level, String office,
            List<String> roles, boolean active) {
        static Row of(Person p) {
            return new Row(p.id, p.fullName, p.email, p.department == null ? "" : p.department.name,
                    p.level == null ? "" : p.level + " · " + p.levelLabel(), p.office == null ? "" : p.office.name,
                    List.copyOf(p.roles), p.active);
        }
    }

    public record Choice(String value, String label) {
    }

    public record Listing(Filter filter, List<Choice> departments, List<Choice> levels, List<Choice> offices,
            List<Choice> roles, List<Choice> accounts, Paged<Row> people) {
    }

    static final List<Choice> ACCOUNTS = List.of(new Choice("yes", "Active"), new Choice("no", "Deactivated"));

    @Transactional
    public Listing search(Filter filter, int page, FormErrors errors) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (!filter.q.isEmpty()) {
            clauses.add("(lower(fullName) like :q or email like :q)");
            params.and("q", "%" + filter.q.toLowerCase(Locale.ROOT) + "%");
        }
        Long department = idFilter(filter.department, "department", "Department", errors);
        if (department != null) {
            clauses.add("department.id = :department");
            params.and("department", department);
        }
        Long office = idFilter(filter.office, "office", "Office", errors);
        if (office != null) {
            clauses.add("office.id = :office");
            params.and("office", office);
        }
        if (!filter.level.isEmpty()) {
            Integer level = FormFields.intIn(filter.level, Level.MIN, Level.MAX, "level", "Level", errors);
            if (level != null) {
                clauses.add("level = :level");
                params.and("level", level);
            }
        }
        if (!filter.role.isEmpty()) {
            if (!ROLES.contains(filter.role)) {
                errors.add("role", "Choose a role from the list.");
            } else {
                clauses.add(":role member of roles");
                params.and("role", filter.role);
            }
        }
        switch (filter.active) {
            case "" -> { }
            case "yes" -> clauses.add("active = true");
            case "no" -> clauses.add("active = false");
            default -> errors.add("active", "Choose active, deactivated or everyone.");
        }
        Paged<Row> people;
        if (errors.any()) {
            people = new Paged<>(List.of(), 0, 1, 0);
        } else {
            Sort byName = Sort.by("fullName").and("id");
            people = Paged.of(clauses.isEmpty() ? Person.<Person>findAll(byName)
                    : Person.<Person>find(String.join(" and ", clauses), byName, params), page, Row::of);
        }
        return new Listing(filter,
                Department.listByName().stream().map(d -> new Choice(String.valueOf(d.id), d.name)).toList(),
                Level.all().stream().map(l -> new Choice(String.valueOf(l.number), l.display())).toList(),
                Office.listByName().stream().map(o -> new Choice(String.valueOf(o.id), o.name)).toList(),
                ROLES.stream().map(r -> new Choice(r, r)).toList(), ACCOUNTS, people);
    }

    private static Long idFilter(String raw, String field, String label, FormErrors errors) {
        if (raw.isEmpty()) {
            return null;
        }
        Long id = FormFields.parseLong(raw);
        if (id == null || id < 1) {
            errors.add(field, label + " must be chosen from the list.");
            return null;
        }
        return id;
    }
}
