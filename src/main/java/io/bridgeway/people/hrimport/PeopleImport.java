package io.bridgeway.people.hrimport;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.audit.AuditLog;
import io.bridgeway.mentoring.CalendarFeed;
import io.bridgeway.people.Department;
import io.bridgeway.people.EmailAddress;
import io.bridgeway.people.Level;
import io.bridgeway.people.Office;
import io.bridgeway.people.PeopleDeactivated;
import io.bridgeway.people.Person;
import io.bridgeway.people.ProfileOptions;
import io.bridgeway.security.Role;
import io.bridgeway.web.FormFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports people from an HR export (README, "HR import"), all or nothing in one transaction: every row is
 * checked against the file and the people already here before anything is written.
 *
 * <p>HR owns the organisation columns (email, name, department, title, level, manager, office, status) and an
 * import sets them, empty cells included. Time zone and languages are also on the employee's own profile: an
 * empty cell keeps what the person chose. Everything else employees fill in (skills, goals, availability, bio,
 * mentoring wishes) and roles are never touched. A column missing from the header leaves its field as it is.
 *
 * <p>Cells starting with = + - @ are stored as the text they are: Bridgeway never evaluates them, pages escape
 * them, and every spreadsheet export neutralises them ({@code exports.SpreadsheetCells}); names like "-Ann" exist.
 */
@ApplicationScoped
public class PeopleImport {

    static final int MAX_EMPLOYEE_ID = 64;
    static final int MAX_NAME = 120;
    static final int MAX_TITLE = 120;
    private static final int SESSION_BATCH = 500;
    private static final int JDBC_BATCH = 100;
    /** IANA zone ids; the JDK copies its set on every call. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    @Inject
    AuditLog audit;

    @Inject
    Event<PeopleDeactivated> deactivations;

    @Inject
    BridgewayConfig config;

    public long maxBytes() {
        return config.hrImport().maxBytes();
    }

    public String tooLargeMessage() {
        return "The file is larger than the limit of " + maxBytes() / (1024 * 1024) + " MB ("
                + maxBytes() + " bytes). Split it, or ask the operator to raise bridgeway.import.max-bytes.";
    }

    /** The HR values one row asks for; {@code person} is the existing person it updates, null for a new one. */
    private static final class Planned {
        final HrCsv.Row row;
        final String employeeId;
        final String email;
        Person person;
        String name;
        Department department;
        String title;
        Integer level;
        Office office;
        String timeZone;
        Set<String> languages;
        boolean leaver;
        String managerCell;
        /** Key of the manager's node ({@link #key}), null for none. */
        String managerKey;

        Planned(HrCsv.Row row) {
            this.row = row;
            this.employeeId = row.get(HrColumn.EMPLOYEE_ID);
            this.email = EmailAddress.normalize(row.get(HrColumn.EMAIL));
        }

        String key() {
            return person != null ? personKey(person.id) : "row:" + row.row();
        }
    }

    /** The HR-owned fields of one person, to tell whether an import changes anything. */
    private record HrFields(String employeeId, String email, String name, Long departmentId, String title,
            Integer level, Long officeId, String timeZone, Set<String> languages, boolean active, String managerKey) {
    }

    /** Checks {@code content} and, unless {@code dryRun} or anything is wrong, writes it. */
    @Transactional
    public ImportResult run(byte[] content, boolean dryRun) {
        HrCsv.Parsed parsed = HrCsv.parse(content);
        if (!parsed.errors().isEmpty()) {
            return ImportResult.failed(parsed.errors());
        }
        Existing existing = Existing.load();
        List<ImportError> errors = new ArrayList<>();
        List<Planned> plan = plan(parsed.rows(), existing, errors);
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingLong(ImportError::row));
            return ImportResult.failed(errors);
        }
        int created = 0;
        int updated = 0;
        int deactivated = 0;
        for (Planned p : plan) {
            if (p.person == null) {
                created++;
            } else if (p.person.active && p.leaver) {
                deactivated++;
            } else if (!before(p.person, existing).equals(after(p))) {
                updated++;
            }
        }
        if (!dryRun) {
            List<Long> leaving = apply(plan);
            if (!leaving.isEmpty()) {
                deactivations.fire(new PeopleDeactivated(leaving));
            }
            audit.record("PEOPLE_IMPORTED", "Person", null, null, "rows=" + plan.size() + " created=" + created
                    + " updated=" + updated + " deactivated=" + deactivated);
        }
        return new ImportResult(created, updated, deactivated, List.of());
    }

    /** Everyone already here, loaded once into maps (no query per row). */
    private record Existing(Map<String, Person> byEmployeeId, Map<String, Person> byEmail, Map<Long, Person> byId,
            Map<Long, Long> managerIds, Map<String, Department> departments, Map<String, Office> offices) {

        static Existing load() {
            Map<String, Department> departments = Department.<Department>listAll().stream()
                    .collect(Collectors.toMap(d -> lower(d.name), Function.identity(), (a, b) -> a));
            Map<String, Office> offices = Office.<Office>listAll().stream()
                    .collect(Collectors.toMap(o -> lower(o.name), Function.identity(), (a, b) -> a));
            // languages in the same query: comparing them must not cost one query per person
            List<Person> people = Person.getEntityManager()
                    .createQuery("select distinct p from Person p left join fetch p.languages", Person.class).getResultList();
            Map<String, Person> byEmployeeId = new HashMap<>();
            Map<String, Person> byEmail = new HashMap<>();
            Map<Long, Person> byId = new HashMap<>();
            for (Person person : people) {
                byId.put(person.id, person);
                byEmail.put(person.email, person);
                if (person.employeeId != null) {
                    byEmployeeId.put(person.employeeId, person);
                }
            }
            Map<Long, Long> managerIds = new HashMap<>();
            Person.getEntityManager()
                    .createQuery("select p.id, p.manager.id from Person p where p.manager is not null", Object[].class)
                    .getResultStream().forEach(r -> managerIds.put((Long) r[0], (Long) r[1]));
            return new Existing(byEmployeeId, byEmail, byId, managerIds, departments, offices);
        }
    }

    private static List<Planned> plan(List<HrCsv.Row> rows, Existing existing, List<ImportError> errors) {
        List<Planned> plan = new ArrayList<>();
        Map<String, Planned> fileById = new HashMap<>();
        Map<String, Planned> fileByEmail = new HashMap<>();
        for (HrCsv.Row row : rows) {
            Planned p = new Planned(row);
            checkIdentity(p, existing, fileById, fileByEmail, errors);
            checkFields(p, existing, errors);
            plan.add(p);
        }
        Map<String, Planned> byKey = new LinkedHashMap<>();
        plan.forEach(p -> byKey.put(p.key(), p));
        for (Planned p : plan) {
            resolveManager(p, existing, fileById, fileByEmail, errors);
        }
        findLoops(plan, byKey, existing, errors);
        keepAnActiveAdmin(plan, errors);
        return plan;
    }

    /** Refuses the leaver rows that together would leave no active admin, as deactivating one by hand does. */
    private static void keepAnActiveAdmin(List<Planned> plan, List<ImportError> errors) {
        List<Planned> adminLeavers = plan.stream()
                .filter(p -> p.person != null && p.person.active && p.leaver && p.person.hasRole(Role.ADMIN)).toList();
        if (adminLeavers.isEmpty()) {
            return;
        }
        long reactivatedAdmins = plan.stream()
                .filter(p -> p.person != null && !p.person.active && !p.leaver && p.person.hasRole(Role.ADMIN)).count();
        Person.lockActiveAdmins(); // as removing an admin by hand does: a concurrent removal waits for this one
        if (Person.countWithRole(Role.ADMIN) - adminLeavers.size() + reactivatedAdmins < 1) {
            for (Planned p : adminLeavers) {
                errors.add(ImportError.cell(p.row.row(), HrColumn.STATUS, HrCsv.abbreviate(p.email)
                        + " is an admin, and this import would leave no active admin: make someone else an admin "
                        + "first, so that somebody can still manage Bridgeway."));
            }
        }
    }

    /** Employee id and email: well-formed, unique in the file, and matching at most one person here. */
    private static void checkIdentity(Planned p, Existing existing, Map<String, Planned> fileById,
            Map<String, Planned> fileByEmail, List<ImportError> errors) {
        long row = p.row.row();
        boolean idOk = true;
        Optional<String> idNotOneLine = FormFields.lineProblem(p.employeeId, "An employee id");
        if (p.employeeId.isEmpty()) {
            errors.add(ImportError.cell(row, HrColumn.EMPLOYEE_ID, "Enter the employee id."));
            idOk = false;
        } else if (p.employeeId.length() > MAX_EMPLOYEE_ID) {
            errors.add(ImportError.cell(row, HrColumn.EMPLOYEE_ID, "An employee id has at most " + MAX_EMPLOYEE_ID + " characters."));
            idOk = false;
        } else if (idNotOneLine.isPresent()) {
            errors.add(ImportError.cell(row, HrColumn.EMPLOYEE_ID, idNotOneLine.get()));
            idOk = false;
        } else if (fileById.containsKey(p.employeeId)) {
            errors.add(ImportError.cell(row, HrColumn.EMPLOYEE_ID, "Employee id " + HrCsv.abbreviate(p.employeeId)
                    + " is also on row " + fileById.get(p.employeeId).row.row() + "."));
            idOk = false;
        } else {
            fileById.put(p.employeeId, p);
        }
        boolean emailOk = true;
        var problem = EmailAddress.problem(p.email);
        if (problem.isPresent()) {
            errors.add(ImportError.cell(row, HrColumn.EMAIL, problem.get()));
            emailOk = false;
        } else if (fileByEmail.containsKey(p.email)) {
            errors.add(ImportError.cell(row, HrColumn.EMAIL, "The email " + HrCsv.abbreviate(p.email) + " is also on row "
                    + fileByEmail.get(p.email).row.row() + "."));
            emailOk = false;
        } else {
            fileByEmail.put(p.email, p);
        }
        if (!idOk || !emailOk) {
            return;
        }
        Person byId = existing.byEmployeeId().get(p.employeeId);
        Person byEmail = existing.byEmail().get(p.email);
        if (byId != null) {
            if (byEmail != null && byEmail != byId) {
                errors.add(ImportError.cell(row, HrColumn.EMAIL, "The email " + HrCsv.abbreviate(p.email)
                        + " already belongs to another person (" + describe(byEmail) + ")."));
            }
            p.person = byId;
        } else if (byEmail != null) {
            if (byEmail.employeeId != null) {
                errors.add(ImportError.cell(row, HrColumn.EMAIL, "The email " + HrCsv.abbreviate(p.email)
                        + " belongs to the person with employee id " + HrCsv.abbreviate(byEmail.employeeId) + "."));
            }
            p.person = byEmail; // someone who signed up before HR data arrived: this import gives them their id
        }
    }

    private static void checkFields(Planned p, Existing existing, List<ImportError> errors) {
        HrCsv.Row row = p.row;
        long r = row.row();
        Person current = p.person;
        p.name = row.get(HrColumn.NAME);
        if (p.name.isEmpty()) {
            errors.add(ImportError.cell(r, HrColumn.NAME, "Enter the person's name."));
        } else if (p.name.length() > MAX_NAME) {
            errors.add(ImportError.cell(r, HrColumn.NAME, "A name has at most " + MAX_NAME + " characters."));
        } else {
            FormFields.personNameProblem(p.name, "A name")
                    .ifPresent(problem -> errors.add(ImportError.cell(r, HrColumn.NAME, problem)));
        }
        p.department = lookUp(row, HrColumn.DEPARTMENT, existing.departments(), current == null ? null : current.department,
                "department", errors);
        p.office = lookUp(row, HrColumn.OFFICE, existing.offices(), current == null ? null : current.office,
                "office", errors);
        p.title = row.has(HrColumn.TITLE) ? emptyToNull(row.get(HrColumn.TITLE)) : current == null ? null : current.jobTitle;
        if (p.title != null && p.title.length() > MAX_TITLE) {
            errors.add(ImportError.cell(r, HrColumn.TITLE, "A title has at most " + MAX_TITLE + " characters."));
        } else if (p.title != null) {
            FormFields.lineProblem(p.title, "A title")
                    .ifPresent(problem -> errors.add(ImportError.cell(r, HrColumn.TITLE, problem)));
        }
        p.level = current == null ? null : current.level;
        if (row.has(HrColumn.LEVEL)) {
            String level = row.get(HrColumn.LEVEL);
            p.level = level.isEmpty() ? null : parseLevel(level);
            if (!level.isEmpty() && p.level == null) {
                errors.add(ImportError.cell(r, HrColumn.LEVEL, "Unknown level '" + HrCsv.abbreviate(level)
                        + "'. Use a number from " + Level.MIN + " to " + Level.MAX + " or a name like Senior."));
            }
        }
        String zone = row.get(HrColumn.TIME_ZONE);
        if (!zone.isEmpty() && !ZONES.contains(zone)) {
            errors.add(ImportError.cell(r, HrColumn.TIME_ZONE, "Unknown time zone '" + HrCsv.abbreviate(zone)
                    + "'. Use an IANA zone like Europe/Berlin."));
        }
        if (!zone.isEmpty()) {
            p.timeZone = zone;
        } else if (current != null && current.timeZone != null) {
            p.timeZone = current.timeZone;
        } else {
            p.timeZone = p.office == null ? null : p.office.timeZone;
        }
        Set<String> languages = new TreeSet<>();
        for (String code : row.get(HrColumn.LANGUAGES).toLowerCase(Locale.ROOT).split("[;,|\\s]+")) {
            if (code.isEmpty()) {
                continue;
            }
            if (!ProfileOptions.LANGUAGES.containsKey(code)) {
                errors.add(ImportError.cell(r, HrColumn.LANGUAGES, "Unknown language '" + HrCsv.abbreviate(code)
                        + "'. Use two-letter codes separated by ; such as en;de. Known: "
                        + String.join(", ", ProfileOptions.LANGUAGES.keySet()) + "."));
            }
            languages.add(code);
        }
        p.languages = !languages.isEmpty() ? languages : current == null ? Set.of() : new TreeSet<>(current.languages);
        String status = row.get(HrColumn.STATUS).toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !status.equals("active") && !status.equals("leaver")) {
            errors.add(ImportError.cell(r, HrColumn.STATUS, "Status must be active or leaver, not '"
                    + HrCsv.abbreviate(row.get(HrColumn.STATUS)) + "'."));
        }
        p.leaver = status.equals("leaver") || (!row.has(HrColumn.STATUS) && current != null && !current.active);
        p.managerCell = row.has(HrColumn.MANAGER) ? row.get(HrColumn.MANAGER) : null;
    }

    private static <T> T lookUp(HrCsv.Row row, HrColumn column, Map<String, T> known, T current, String what,
            List<ImportError> errors) {
        if (!row.has(column)) {
            return current;
        }
        String name = row.get(column);
        if (name.isEmpty()) {
            return null;
        }
        T found = known.get(lower(name));
        if (found == null) {
            errors.add(ImportError.cell(row.row(), column, "Unknown " + what + " '" + HrCsv.abbreviate(name)
                    + "'. Add it under the admin pages first, or use one of: " + knownNames(known) + "."));
        }
        return found;
    }

    /** The manager named by email or employee id, first among the file's rows, then among people here. */
    private static void resolveManager(Planned p, Existing existing, Map<String, Planned> fileById,
            Map<String, Planned> fileByEmail, List<ImportError> errors) {
        if (p.managerCell == null) { // no manager column: keep the current reporting line
            Long managerId = p.person == null ? null : existing.managerIds().get(p.person.id);
            p.managerKey = managerId == null ? null : personKey(managerId);
            return;
        }
        if (p.managerCell.isEmpty()) {
            p.managerKey = null;
            return;
        }
        boolean byEmail = p.managerCell.contains("@");
        String reference = byEmail ? EmailAddress.normalize(p.managerCell) : p.managerCell;
        Planned inFile = byEmail ? fileByEmail.get(reference) : fileById.get(reference);
        Person here = byEmail ? existing.byEmail().get(reference) : existing.byEmployeeId().get(reference);
        if (inFile != null) {
            p.managerKey = inFile.key();
        } else if (here != null) {
            p.managerKey = personKey(here.id);
        } else {
            errors.add(ImportError.cell(p.row.row(), HrColumn.MANAGER, "Unknown manager '"
                    + HrCsv.abbreviate(p.managerCell) + "': no one in this file or in Bridgeway has this "
                    + (byEmail ? "email" : "employee id") + "."));
        }
    }

    /** Reporting lines after the import (the file's rows over everyone else's current manager) must not loop. */
    private static void findLoops(List<Planned> plan, Map<String, Planned> byKey, Existing existing,
            List<ImportError> errors) {
        Map<String, String> managerOf = new HashMap<>();
        existing.managerIds().forEach((id, managerId) -> managerOf.put(personKey(id), personKey(managerId)));
        for (Planned p : plan) {
            if (p.managerKey == null) {
                managerOf.remove(p.key());
            } else {
                managerOf.put(p.key(), p.managerKey);
            }
        }
        Set<String> settled = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (Planned start : plan) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            String node = start.key();
            while (node != null && !settled.contains(node) && onPath.add(node)) {
                path.add(node);
                node = managerOf.get(node);
            }
            if (node != null && onPath.contains(node)) {
                List<String> loop = path.subList(path.indexOf(node), path.size());
                String names = loop.stream().map(k -> nameOf(k, byKey, existing)).collect(Collectors.joining(" → "))
                        + " → " + nameOf(node, byKey, existing);
                for (String member : loop) {
                    Planned row = byKey.get(member);
                    if (row != null && reported.add(member)) {
                        errors.add(ImportError.cell(row.row.row(), HrColumn.MANAGER,
                                "The reporting lines would form a loop: " + names + "."));
                    }
                }
            }
            settled.addAll(path);
        }
    }

    /**
     * Writes the checked plan: HR fields and reporting lines first, then new people are persisted managers
     * first (so each insert already names its manager, no update after it), then leavers' sessions end. Returns the
     * leavers' ids.
     */
    private static List<Long> apply(List<Planned> plan) {
        Person.getEntityManager().unwrap(org.hibernate.Session.class).setJdbcBatchSize(JDBC_BATCH);
        Map<String, Person> byKey = new HashMap<>();
        List<Long> leaving = new ArrayList<>();
        for (Planned p : plan) {
            Person person = p.person;
            if (person == null) {
                person = new Person();
                person.roles.add(Role.EMPLOYEE); // no password: they sign in through "Forgot password" or SSO
            } else if (person.active && p.leaver) {
                leaving.add(person.id);
            }
            person.employeeId = p.employeeId;
            person.email = p.email;
            person.fullName = p.name;
            person.department = p.department;
            person.jobTitle = p.title;
            person.level = p.level;
            person.office = p.office;
            person.timeZone = p.timeZone;
            if (!person.languages.equals(p.languages)) {
                person.languages.clear();
                person.languages.addAll(p.languages);
            }
            person.active = !p.leaver;
            byKey.put(p.key(), person);
        }
        for (Planned p : plan) {
            Person person = byKey.get(p.key());
            Person manager = p.managerKey == null ? null
                    : byKey.containsKey(p.managerKey) ? byKey.get(p.managerKey)
                    : Person.getEntityManager().getReference(Person.class, idOfKey(p.managerKey));
            boolean same = person.manager == manager || (person.manager != null && manager != null
                    && manager.id != null && manager.id.equals(person.manager.id));
            if (!same) { // setting an equal proxy would still make Hibernate write the row
                person.manager = manager;
            }
        }
        for (Planned p : plan) {
            persistWithManagersFirst(byKey.get(p.key()));
        }
        for (int from = 0; from < leaving.size(); from += SESSION_BATCH) {
            List<Long> batch = leaving.subList(from, Math.min(leaving.size(), from + SESSION_BATCH));
            Person.update("sessionVersion = sessionVersion + 1 where id in ?1", batch); // a leaver is signed out at once
            CalendarFeed.deleteOf(batch); // and their calendar stops too
        }
        return leaving;
    }

    /** Persists a new person after their new managers up the chain (the plan has no loops). */
    private static void persistWithManagersFirst(Person person) {
        List<Person> chain = new ArrayList<>();
        for (Person next = person; next != null && next.id == null; next = next.manager) {
            chain.add(next);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).persist();
        }
    }

    private static HrFields before(Person person, Existing existing) {
        Long managerId = existing.managerIds().get(person.id);
        return new HrFields(person.employeeId, person.email, person.fullName, idOf(person.department), person.jobTitle,
                person.level, idOf(person.office), person.timeZone, new TreeSet<>(person.languages), person.active,
                managerId == null ? null : personKey(managerId));
    }

    private static HrFields after(Planned p) {
        return new HrFields(p.employeeId, p.email, p.name, idOf(p.department), p.title, p.level, idOf(p.office),
                p.timeZone, new TreeSet<>(p.languages), !p.leaver, p.managerKey);
    }

    private static Long idOf(Object entity) {
        if (entity instanceof Department d) {
            return d.id;
        }
        return entity instanceof Office o ? o.id : null;
    }

    private static String personKey(long id) {
        return "person:" + id;
    }

    private static Long idOfKey(String personKey) {
        return Long.valueOf(personKey.substring("person:".length()));
    }

    private static String nameOf(String key, Map<String, Planned> byKey, Existing existing) {
        Planned row = byKey.get(key);
        if (row != null) {
            return HrCsv.abbreviate(row.name) + " (row " + row.row.row() + ")";
        }
        Person person = existing.byId().get(idOfKey(key));
        return person == null ? "someone" : person.fullName;
    }

    private static String describe(Person person) {
        return person.employeeId == null ? HrCsv.abbreviate(person.fullName) : "employee id " + HrCsv.abbreviate(person.employeeId);
    }

    static Integer parseLevel(String text) {
        if (text.matches("\\d{1,2}")) {
            int number = Integer.parseInt(text);
            return number >= Level.MIN && number <= Level.MAX ? number : null;
        }
        return Level.all().stream().filter(l -> l.label.equalsIgnoreCase(text.strip())).map(l -> l.number)
                .findFirst().orElse(null);
    }

    private static String knownNames(Map<String, ?> known) {
        String names = known.values().stream().map(v -> v instanceof Department d ? d.name : ((Office) v).name)
                .sorted().collect(Collectors.joining(", "));
        return names.length() > 300 ? names.substring(0, 300) + "…" : names;
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
