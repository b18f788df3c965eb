package io.bridgeway.people;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.matching.WeeklySlot;
import io.bridgeway.security.PasswordPolicy;
import io.bridgeway.security.Passwords;
import io.bridgeway.security.Role;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Found;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import io.bridgeway.web.Transactions;
import io.bridgeway.web.FormFields;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Validates and stores sign-ups and profile edits. Validation runs completely before anything is
 * written, so an invalid submission stores nothing.
 */
@ApplicationScoped
public class ProfileService {

    static final int MAX_NAME = 120;
    static final int MAX_TITLE = 120;
    static final int MAX_BIO = 1000;
    static final int MAX_SKILL = 60;
    static final int MAX_SKILLS = 20;
    static final int MAX_GOALS = 10;
    static final int MAX_GOALS_TEXT = 700;

    private static final Pattern SKILL = Pattern.compile("^[a-z0-9][a-z0-9+#.\\-]*$");
    private static final Set<String> GRID = WeeklySlot.workweekGrid().stream().map(WeeklySlot::code)
            .collect(Collectors.toUnmodifiableSet());

    @Inject
    BridgewayConfig config;

    @Inject
    Event<PersonDeleted> deletions;

    final RecentByRowVersion<ProfileView> recentViews = new RecentByRowVersion<>(() -> config.profile().viewCacheFor());
    final RecentByRowVersion<ProfileJson> recentJson = new RecentByRowVersion<>(() -> config.profile().viewCacheFor());

    /**
     * The profile page, given the person's row version read by the request's session check: a view read within
     * {@code bridgeway.profile.view-cache-for} at that version is reused, so a repeat view runs no query of its
     * own (issue 15, bench/load.sh). See {@link RecentByRowVersion} for what can lag.
     */
    public ProfileView view(long personId, long rowVersion) {
        return recentViews.get(personId, rowVersion)
                .orElseGet(() -> QuarkusTransaction.joiningExisting().call(() -> read(personId)));
    }

    /** {@code GET /api/v1/me}: the profile and roles as JSON, reused like {@link #view}. */
    public ProfileJson json(long personId, long rowVersion) {
        return recentJson.get(personId, rowVersion).orElseGet(() -> QuarkusTransaction.joiningExisting().call(() -> {
            Transactions.readOnly();
            Person person = Found.orNotFound(Person.findById(personId));
            ProfileJson json = ProfileJson.of(person);
            recentJson.put(personId, person.version, json);
            return json;
        }));
    }

    /**
     * The person and their manager (with departments and offices) in one query, read-only, so the commit has no
     * entity to dirty-check; the four small collections in one more query ({@link #listsOf}).
     */
    private ProfileView read(long personId) {
        Transactions.readOnly();
        // the EAGER department and office of both people too: otherwise one more select each
        Person person = Person.<Person>find("from Person p left join fetch p.department left join fetch p.office"
                + " left join fetch p.manager m left join fetch m.department left join fetch m.office"
                + " where p.id = ?1", personId)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        ProfileView view = ProfileView.of(person, listsOf(personId));
        recentViews.put(personId, person.version, view);
        return view;
    }

    /**
     * A person's languages, skills, goals and availability in one statement rather than one collection load each
     * (each load costs a query plan, a round trip and a collection initialisation: issue 15, profile page).
     */
    @SuppressWarnings("unchecked")
    ProfileView.Lists listsOf(long personId) {
        List<Object[]> rows = Person.getEntityManager().createNativeQuery(
                "select 'L', language_code, cast(null as integer) from person_language where person_id = ?1"
                        + " union all select 'S', skill, proficiency from person_skill where person_id = ?1"
                        + " union all select 'G', skill, cast(null as integer) from person_goal where person_id = ?1"
                        + " union all select 'A', slot, cast(null as integer) from person_availability"
                        + " where person_id = ?1")
                .setParameter(1, personId).getResultList();
        ProfileView.Lists lists = new ProfileView.Lists(new TreeSet<>(), new TreeMap<>(), new TreeSet<>(),
                new TreeSet<>());
        for (Object[] row : rows) {
            String value = (String) row[1];
            switch (String.valueOf(row[0])) {
                case "L" -> lists.languages().add(value);
                case "S" -> lists.skills().put(value, ((Number) row[2]).intValue());
                case "G" -> lists.goals().add(value);
                default -> lists.availability().add(value);
            }
        }
        return lists;
    }

    /** Creates an employee account with its profile, or returns the per-field errors and stores nothing. */
    @Transactional
    public SignupResult signUp(ProfileForm form) {
        FormErrors errors = new FormErrors();
        String email = Person.normalizeEmail(form.email);
        if (email == null || email.isEmpty()) {
            errors.add("email", "Enter your work email address.");
        } else if (EmailAddress.problem(email).isPresent()) {
            errors.add("email", EmailAddress.problem(email).get());
        } else if (!domainAllowed(email)) {
            errors.add("email", "Sign-up is open to these email domains only: "
                    + String.join(", ", allowedDomains()) + ".");
        } else if (Person.emailTaken(email)) {
            errors.add("email", "An account with this email already exists. Sign in instead.");
        }
        PasswordPolicy.problem(form.password, email).ifPresent(problem -> errors.add("password", problem));
        Person person = new Person();
        validateAndApply(form, person, errors);
        if (errors.any()) {
            return new SignupResult(null, errors);
        }
        person.email = email;
        person.passwordHash = Passwords.hash(form.password);
        person.roles.add(Role.EMPLOYEE);
        person.persist();
        return new SignupResult(person, errors);
    }

    public record SignupResult(Person person, FormErrors errors) {
    }

    /** Saves an edit of the person's own profile; returns the errors, empty when saved. */
    @Transactional
    public FormErrors update(long personId, ProfileForm form) {
        Person person = Found.orNotFound(Person.findById(personId));
        String version = form.version == null ? null : form.version.strip();
        if (version != null && !version.matches("\\d{1,18}")) {
            // the page always sends the number it showed: anything else was typed by hand, not a stale copy
            throw new RuleViolationException("The form's version must be a whole number; reload the page.", "version");
        }
        if (version != null && !version.equals(String.valueOf(person.version))) {
            throw new StaleEditException("This profile was changed in another window or by someone else since you "
                    + "opened it. Reload the page to see the latest version, then make your changes again.");
        }
        FormErrors errors = new FormErrors();
        // Validate against a scratch copy so that nothing reaches the managed entity on error.
        Person scratch = new Person();
        scratch.id = person.id;
        validateAndApply(form, scratch, errors);
        if (errors.any()) {
            return errors;
        }
        copyProfile(scratch, person);
        return errors;
    }

    /** Checks every profile field of {@code form}; the valid ones are written into {@code target}. */
    void validateAndApply(ProfileForm form, Person target, FormErrors errors) {
        String name = trim(form.fullName);
        if (name.isEmpty()) {
            errors.add("fullName", "Enter your name.");
        } else if (name.length() > MAX_NAME) {
            errors.add("fullName", "Name must be at most " + MAX_NAME + " characters.");
        } else {
            FormFields.refuseUnlessPersonName(name, "fullName", "Name", errors);
        }
        target.fullName = name;

        Department department = parseId(form.departmentId) == null ? null : Department.findById(parseId(form.departmentId));
        if (department == null) {
            errors.add("departmentId", "Choose your department.");
        }
        target.department = department;

        String title = trim(form.jobTitle);
        if (title.length() > MAX_TITLE) {
            errors.add("jobTitle", "Job title must be at most " + MAX_TITLE + " characters.");
        } else {
            FormFields.refuseUnlessOneLine(title, "jobTitle", "Job title", errors);
        }
        target.jobTitle = title.isEmpty() ? null : title;

        Long level = parseId(form.level);
        if (level == null || level < Level.MIN || level > Level.MAX) {
            errors.add("level", "Choose your level, from 1 to 8.");
        } else {
            target.level = level.intValue();
        }

        target.manager = null;
        String managerEmail = Person.normalizeEmail(form.managerEmail);
        if (managerEmail != null && !managerEmail.isEmpty()) {
            Optional<String> problem = EmailAddress.problem(managerEmail);
            Person manager = problem.isPresent() ? null : Person.findByEmail(managerEmail);
            if (problem.isPresent()) {
                errors.add("managerEmail", "Manager's email: " + problem.get());
            } else if (manager == null) {
                errors.add("managerEmail", "No colleague with the email " + abbreviate(managerEmail)
                        + " is registered. Leave it empty if your manager has not joined yet.");
            } else if (target.id != null && reportsTo(manager, target.id)) {
                errors.add("managerEmail", "That would make a reporting loop: "
                        + manager.fullName + " already reports to you.");
            } else {
                target.manager = manager;
            }
        }

        Office office = parseId(form.officeId) == null ? null : Office.findById(parseId(form.officeId));
        if (office == null) {
            errors.add("officeId", "Choose your office.");
        }
        target.office = office;

        // Optional: empty means the office's zone (meeting times need one, and the office always has one).
        // Without an office, the office's own message already asks for what is missing.
        String zone = trim(form.timeZone);
        if (zone.isEmpty()) {
            zone = office == null ? null : office.timeZone;
        } else if (!validZone(zone)) {
            errors.add("timeZone", "Unknown time zone '" + abbreviate(zone) + "'. Use a zone like Europe/Berlin.");
        }
        target.timeZone = zone;

        Set<String> languages = new TreeSet<>();
        for (String code : nonBlank(form.languages)) {
            if (!ProfileOptions.LANGUAGES.containsKey(code)) {
                errors.add("languages", "Unknown language '" + abbreviate(code) + "'.");
            }
            languages.add(code);
        }
        if (languages.isEmpty()) {
            errors.add("languages", "Choose at least one language you can meet in.");
        }
        target.languages = languages;

        target.skills = parseSkills(form, errors);
        target.goals = parseGoals(form.goals, errors);

        String bio = form.bio == null ? "" : form.bio.strip();
        if (bio.length() > MAX_BIO) {
            errors.add("bio", "Bio must be at most " + MAX_BIO + " characters (it has " + bio.length() + ").");
        }
        FormFields.refuseControlCharacters(bio, "bio", "Bio", errors);
        target.bio = bio.isEmpty() ? null : bio;

        Set<String> slots = new TreeSet<>();
        for (String slot : nonBlank(form.availability)) {
            if (!GRID.contains(slot)) {
                errors.add("availability", "Unknown time block '" + abbreviate(slot) + "'.");
            }
            slots.add(slot);
        }
        target.availability = slots;

        target.wantsToMentor = FormFields.checked(form.wantsToMentor);
        target.wantsMentor = FormFields.checked(form.wantsMentor);
        target.wantsCircle = FormFields.checked(form.wantsCircle);
        Long capacity = parseId(form.mentorCapacity);
        if (capacity == null && !target.wantsToMentor && trim(form.mentorCapacity).isEmpty()) {
            capacity = 1L;
        }
        if (capacity == null || capacity < 1 || capacity > Person.MAX_MENTOR_CAPACITY) {
            errors.add("mentorCapacity", "Mentoring capacity must be a whole number from 1 to "
                    + Person.MAX_MENTOR_CAPACITY + ".");
        } else {
            target.mentorCapacity = capacity.intValue();
        }
    }

    private Map<String, Integer> parseSkills(ProfileForm form, FormErrors errors) {
        Map<String, Integer> skills = new TreeMap<>();
        List<String> names = nonNull(form.skillName);
        List<String> levels = nonNull(form.skillLevel);
        for (int i = 0; i < names.size(); i++) {
            String skill = slug(names.get(i));
            if (skill.isEmpty()) {
                continue;
            }
            String field = "skills";
            if (skill.length() > MAX_SKILL || !SKILL.matcher(skill).matches()) {
                errors.add(field, "Skill '" + abbreviate(names.get(i)) + "' must be a short name of letters, "
                        + "digits and dashes (at most " + MAX_SKILL + " characters).");
                continue;
            }
            Long proficiency = parseId(i < levels.size() ? levels.get(i) : null);
            if (proficiency == null || proficiency < 1 || proficiency > 3) {
                errors.add(field, "Choose a proficiency from 1 to 3 for '" + skill + "'.");
                continue;
            }
            if (skills.put(skill, proficiency.intValue()) != null) {
                errors.add(field, "'" + skill + "' is listed twice.");
            }
        }
        if (skills.size() > MAX_SKILLS) {
            errors.add("skills", "List at most " + MAX_SKILLS + " skills.");
        }
        return skills;
    }

    /** Comma-separated skill names as a set of slugs; messages go to the {@code goals} field. */
    public static Set<String> parseGoals(String text, FormErrors errors) {
        Set<String> goals = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return goals;
        }
        if (text.length() > MAX_GOALS_TEXT) {
            errors.add("goals", "Growth goals must be at most " + MAX_GOALS_TEXT + " characters.");
            return goals;
        }
        for (String part : text.split(",")) {
            String goal = slug(part);
            if (goal.isEmpty()) {
                continue;
            }
            if (goal.length() > MAX_SKILL || !SKILL.matcher(goal).matches()) {
                errors.add("goals", "Goal '" + abbreviate(part.strip()) + "' must be a short skill name of "
                        + "letters, digits and dashes.");
            }
            goals.add(goal);
        }
        if (goals.size() > MAX_GOALS) {
            errors.add("goals", "List at most " + MAX_GOALS + " growth goals.");
        }
        return goals;
    }

    /** True when {@code candidate} is {@code personId} or reports to them through any chain. */
    static boolean reportsTo(Person candidate, long personId) {
        Set<Long> seen = new HashSet<>();
        for (Person p = candidate; p != null && seen.add(p.id); p = p.manager) {
            if (p.id == personId) {
                return true;
            }
        }
        return false;
    }

    private static void copyProfile(Person from, Person to) {
        to.fullName = from.fullName;
        to.department = from.department;
        to.jobTitle = from.jobTitle;
        to.level = from.level;
        to.manager = from.manager;
        to.office = from.office;
        to.timeZone = from.timeZone;
        to.bio = from.bio;
        to.languages.clear();
        to.languages.addAll(from.languages);
        to.skills.clear();
        to.skills.putAll(from.skills);
        to.goals.clear();
        to.goals.addAll(from.goals);
        to.availability.clear();
        to.availability.addAll(from.availability);
        to.wantsToMentor = from.wantsToMentor;
        to.mentorCapacity = from.mentorCapacity;
        to.wantsMentor = from.wantsMentor;
        to.wantsCircle = from.wantsCircle;
    }

    /** The form pre-filled from a stored profile, for the edit page. */
    public static ProfileForm formOf(Person person) {
        ProfileForm form = new ProfileForm();
        form.email = person.email;
        form.fullName = person.fullName;
        form.departmentId = person.department == null ? null : String.valueOf(person.department.id);
        form.jobTitle = person.jobTitle;
        form.level = person.level == null ? null : String.valueOf(person.level);
        form.managerEmail = person.manager == null ? null : person.manager.email;
        form.officeId = person.office == null ? null : String.valueOf(person.office.id);
        form.timeZone = person.timeZone;
        form.languages = List.copyOf(person.languages);
        form.skillName = List.copyOf(person.skills.keySet());
        form.skillLevel = person.skills.values().stream().map(String::valueOf).toList();
        form.goals = String.join(", ", person.goals);
        form.bio = person.bio;
        form.availability = List.copyOf(person.availability);
        form.wantsToMentor = String.valueOf(person.wantsToMentor);
        form.mentorCapacity = String.valueOf(person.mentorCapacity);
        form.wantsMentor = String.valueOf(person.wantsMentor);
        form.wantsCircle = String.valueOf(person.wantsCircle);
        form.version = String.valueOf(person.version);
        return form;
    }

    /**
     * Deletes the account and its personal data; reports of the person keep no dangling manager link.
     * Features forget or pseudonymise the person first ({@link PersonDeleted}), in the same transaction. The last
     * active admin is refused (nothing deleted), as deactivating or demoting them is: nobody could manage Bridgeway.
     */
    @Transactional
    public FormErrors delete(long personId) {
        Person person = Person.findById(personId);
        if (person == null) {
            return FormErrors.none();
        }
        if (person.isLastActiveAdmin()) {
            return FormErrors.none().add("confirmEmail", LAST_ADMIN);
        }
        deletions.fire(new PersonDeleted(person.id, person.email, person.fullName));
        // versioned: the reports' row versions change, so their reused profile views drop the deleted name at once
        Person.getEntityManager().createQuery("update versioned Person set manager = null where manager = ?1")
                .setParameter(1, person).executeUpdate();
        person.delete();
        return FormErrors.none();
    }

    static final String LAST_ADMIN = "You are the last active admin: make someone else an admin first, so that "
            + "somebody can still manage Bridgeway. Nothing was deleted.";

    boolean domainAllowed(String email) {
        List<String> domains = allowedDomains();
        if (domains.isEmpty()) {
            return true;
        }
        String domain = email.substring(email.indexOf('@') + 1);
        return domains.contains(domain);
    }

    List<String> allowedDomains() {
        return config.signup().allowedDomains().orElse(List.of()).stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList();
    }

    static String slug(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /** A zone id {@link ZoneId} knows, at most 64 characters (the column). */
    public static boolean validZone(String zone) {
        if (zone.length() > 64) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Long parseId(String text) {
        return FormFields.parseLong(text);
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Checkbox lists without the empty value some clients send for "none ticked". */
    private static List<String> nonBlank(List<String> list) {
        return nonNull(list).stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /** Echoes user input in a message without letting a huge value flood the page. */
    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
