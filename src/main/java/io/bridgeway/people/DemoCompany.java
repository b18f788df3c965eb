package io.bridgeway.people;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.matching.WeeklySlot;
import io.bridgeway.security.Passwords;
import io.bridgeway.security.Role;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * A realistic synthetic company for trying Bridgeway: about 300 people in 12 departments with
 * reporting lines, offices in 8 time zones, skills, goals and availability. Mirrors the
 * distributions of the benchmark generator. Deterministic (fixed seed); loaded once, only when
 * {@code bridgeway.demo=true}.
 */
@ApplicationScoped
public class DemoCompany {

    public static final String PASSWORD = "bridgeway-demo";
    public static final String EMAIL_DOMAIN = "demo.bridgeway.example";
    public static final String PROGRAM_MANAGER_EMAIL = "pm@" + EMAIL_DOMAIN;
    static final int PEOPLE = 300;
    static final int MIN_FREE_HOURS = 8;
    static final int MAX_FREE_HOURS = 20;

    static final Map<String, List<String>> DEPARTMENT_SKILLS = new LinkedHashMap<>();
    static {
        DEPARTMENT_SKILLS.put("Engineering", List.of("java", "python", "cloud-architecture", "testing", "security-engineering", "system-design"));
        DEPARTMENT_SKILLS.put("Product", List.of("product-strategy", "roadmapping", "user-research", "prioritization", "pricing"));
        DEPARTMENT_SKILLS.put("Design", List.of("design-thinking", "visual-design", "user-research", "prototyping", "accessibility"));
        DEPARTMENT_SKILLS.put("Data Science", List.of("python", "machine-learning", "statistics", "data-visualization", "experimentation"));
        DEPARTMENT_SKILLS.put("Sales", List.of("negotiation", "account-planning", "forecasting", "public-speaking", "crm"));
        DEPARTMENT_SKILLS.put("Marketing", List.of("storytelling", "brand", "seo", "data-visualization", "content-strategy"));
        DEPARTMENT_SKILLS.put("Customer Success", List.of("customer-empathy", "onboarding", "conflict-resolution", "crm", "public-speaking"));
        DEPARTMENT_SKILLS.put("Finance", List.of("financial-modeling", "budgeting", "forecasting", "accounting", "pricing"));
        DEPARTMENT_SKILLS.put("Legal", List.of("contract-law", "privacy", "compliance", "negotiation", "risk"));
        DEPARTMENT_SKILLS.put("People", List.of("hiring", "coaching", "conflict-resolution", "compensation", "onboarding"));
        DEPARTMENT_SKILLS.put("Operations", List.of("process-design", "vendor-management", "budgeting", "risk", "project-management"));
        DEPARTMENT_SKILLS.put("Security", List.of("security-engineering", "risk", "compliance", "incident-response", "privacy"));
    }
    static final double[] DEPARTMENT_SHARES = {0.30, 0.08, 0.05, 0.07, 0.12, 0.07, 0.09, 0.05, 0.03, 0.04, 0.06, 0.04};
    static final List<String> GENERIC = List.of("leadership", "people-management", "public-speaking", "career-growth",
            "cross-functional-collaboration", "time-management", "influencing", "writing", "work-life-balance",
            "strategic-thinking");
    static final List<String> OFFICES = List.of("San Francisco", "New York", "Sao Paulo", "London", "Berlin",
            "Bangalore", "Singapore", "Sydney");
    static final int[] OFFICE_WEIGHTS = {18, 16, 6, 14, 12, 16, 10, 8};
    static final Map<String, List<String>> OFFICE_LANGUAGES = Map.of("San Francisco", List.of("es"),
            "New York", List.of("es"), "Sao Paulo", List.of("pt"), "London", List.of("fr"), "Berlin", List.of("de"),
            "Bangalore", List.of("hi"), "Singapore", List.of("zh"), "Sydney", List.of());
    static final int[] LEVEL_WEIGHTS = {14, 22, 22, 16, 12, 8, 4};
    static final List<String> FIRST = List.of("Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan",
            "Jun", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor",
            "Wen", "Ximena", "Yusuf", "Zoe");
    static final List<String> LAST = List.of("Abe", "Banda", "Costa", "Diaz", "Eriksen", "Fischer", "Gupta", "Haddad",
            "Ito", "Jansen", "Kim", "Lopez", "Mensah", "Novak", "Okafor", "Park", "Quispe", "Rossi", "Silva", "Tanaka",
            "Usman", "Varga", "Wong", "Yilmaz");
    static final List<String> TITLES = List.of("", "Associate", "Specialist", "Senior Specialist", "Team Lead",
            "Principal", "Senior Manager", "Director", "Vice President");

    @Inject
    BridgewayConfig config;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (config.demo()) {
            loadIfAbsent();
        }
    }

    /** Loads the demo company unless it is already there; returns how many people were added. */
    @Transactional
    public int loadIfAbsent() {
        if (Person.count("demo", true) > 0) {
            return 0;
        }
        List<Person> people = generate(new Random(20261125L), PEOPLE);
        people.forEach(p -> p.persist());
        Log.infof("Loaded the demo company: %d people. Demo logins use the password '%s', for example %s "
                + "(program manager) or %s.", people.size(), PASSWORD, PROGRAM_MANAGER_EMAIL, people.get(1).email);
        return people.size();
    }

    List<Person> generate(Random rng, int n) {
        String hash = Passwords.hash(PASSWORD); // one hash for all: bcrypt per person would slow start-up
        Map<String, Department> departments = new LinkedHashMap<>();
        Department.<Department>listAll().forEach(d -> departments.put(d.name, d));
        Map<String, Office> offices = new LinkedHashMap<>();
        Office.<Office>listAll().forEach(o -> offices.put(o.name, o));
        List<String> deptNames = new ArrayList<>(DEPARTMENT_SKILLS.keySet());
        int[] sizes = departmentSizes(n);
        List<Person> all = new ArrayList<>();
        TreeSet<String> emails = new TreeSet<>();
        for (int d = 0; d < deptNames.size(); d++) {
            String dept = deptNames.get(d);
            List<Person> members = new ArrayList<>();
            for (int k = 0; k < sizes[d]; k++) {
                Person p = new Person();
                p.demo = true;
                p.level = k == 0 ? 8 : 1 + weighted(rng, LEVEL_WEIGHTS);
                String first = pick(rng, FIRST);
                String last = pick(rng, LAST);
                p.fullName = first + " " + last;
                p.email = uniqueEmail(emails, first, last);
                p.passwordHash = hash;
                p.roles.add(Role.EMPLOYEE);
                p.department = departments.get(dept);
                p.jobTitle = TITLES.get(p.level);
                String officeName = OFFICES.get(weighted(rng, OFFICE_WEIGHTS));
                p.office = offices.get(officeName);
                p.timeZone = p.office.timeZone;
                p.languages.add("en");
                List<String> extra = OFFICE_LANGUAGES.get(officeName);
                if (!extra.isEmpty() && rng.nextDouble() < 0.6) {
                    p.languages.add(pick(rng, extra));
                }
                if (rng.nextDouble() < 0.04 && p.languages.size() > 1) {
                    p.languages.remove("en"); // a few do not speak English
                }
                List<String> pool = DEPARTMENT_SKILLS.get(dept);
                for (String s : sample(rng, pool, Math.min(pool.size(), 2 + rng.nextInt(3)))) {
                    p.skills.put(s, clamp((p.level + 1) / 3 + rng.nextInt(3) - 1));
                }
                for (String s : sample(rng, GENERIC, rng.nextInt(4))) {
                    p.skills.put(s, clamp(p.level / 3 + rng.nextInt(3) - 1));
                }
                String other = deptNames.get(rng.nextInt(deptNames.size()));
                p.goals.addAll(sample(rng, GENERIC, 1 + rng.nextInt(2)));
                if (!other.equals(dept)) {
                    p.goals.addAll(sample(rng, DEPARTMENT_SKILLS.get(other), rng.nextInt(3)));
                }
                if (rng.nextDouble() < 0.5) {
                    p.goals.add(pick(rng, pool));
                }
                p.goals.removeIf(g -> p.skills.getOrDefault(g, 0) >= 3);
                p.availability.addAll(availability(rng));
                p.wantsToMentor = p.level >= 4 && rng.nextDouble() < 0.38;
                p.mentorCapacity = p.wantsToMentor ? 1 + weighted(rng, new int[] {45, 40, 15}) : 1;
                p.wantsMentor = p.level <= 5 && rng.nextDouble() < 0.55;
                p.wantsCircle = rng.nextDouble() < 0.6;
                p.bio = "Works in " + dept + " from the " + officeName + " office.";
                members.add(p);
            }
            // managers: someone of a strictly higher level in the same department (the head has none)
            List<Person> byLevel = new ArrayList<>(members);
            byLevel.sort(Comparator.comparing((Person p) -> -p.level));
            for (int i = 1; i < byLevel.size(); i++) {
                Person p = byLevel.get(i);
                List<Person> higher = byLevel.subList(0, i).stream().filter(q -> q.level > p.level).toList();
                p.manager = higher.isEmpty() ? byLevel.get(0)
                        : higher.get(rng.nextInt(Math.max(1, higher.size() / 3)));
            }
            all.addAll(byLevel);
        }
        Person pm = all.get(0);
        pm.email = PROGRAM_MANAGER_EMAIL;
        pm.roles.add(Role.PROGRAM_MANAGER);
        return all;
    }

    /**
     * Working hours in the person's own zone, as people mark them: 3-5 working days, each with a window of 2-5
     * consecutive hours, 8-20 hours a week in all.
     */
    static List<String> availability(Random rng) {
        List<String> slots = new ArrayList<>();
        while (slots.size() < MIN_FREE_HOURS || slots.size() > MAX_FREE_HOURS) {
            slots.clear();
            for (DayOfWeek day : sample(rng, WeeklySlot.WORKDAYS, 3 + rng.nextInt(3))) {
                int start = WeeklySlot.FIRST_HOUR + 1 + rng.nextInt(8);
                int length = 2 + rng.nextInt(4);
                for (int h = start; h < Math.min(start + length, WeeklySlot.LAST_HOUR + 1); h++) {
                    slots.add(new WeeklySlot(day, h).code());
                }
            }
        }
        return slots;
    }

    static int[] departmentSizes(int n) {
        int[] sizes = new int[DEPARTMENT_SHARES.length];
        int sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Math.max(2, (int) (n * DEPARTMENT_SHARES[i]));
            sum += sizes[i];
        }
        sizes[0] += n - sum;
        return sizes;
    }

    private static String uniqueEmail(TreeSet<String> taken, String first, String last) {
        String base = (first + "." + last).toLowerCase(Locale.ROOT);
        String email = base + "@" + EMAIL_DOMAIN;
        for (int i = 2; !taken.add(email); i++) {
            email = base + i + "@" + EMAIL_DOMAIN;
        }
        return email;
    }

    private static int clamp(int proficiency) {
        return Math.min(3, Math.max(1, proficiency));
    }

    private static int weighted(Random rng, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static <T> T pick(Random rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private static <T> List<T> sample(Random rng, List<T> list, int k) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.shuffle(copy, rng);
        return copy.subList(0, Math.min(k, copy.size()));
    }
}
