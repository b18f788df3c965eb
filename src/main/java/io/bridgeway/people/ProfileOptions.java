package io.bridgeway.people;

import io.bridgeway.matching.WeeklySlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The choices a profile form offers: departments, offices, levels, languages, zones, skills, the week grid. */
@ApplicationScoped
public class ProfileOptions {

    /** Languages offered as checkboxes, by ISO 639-1 code. */
    public static final Map<String, String> LANGUAGES = languageNames("en", "es", "pt", "fr", "de", "it", "nl",
            "pl", "sv", "tr", "ru", "ar", "hi", "zh", "ja", "ko");

    /** Region-based IANA zones (Europe/Berlin, ...), without the legacy aliases. */
    public static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted()
            .collect(Collectors.toList());

    public record Language(String code, String name) {
    }

    public record GridCell(String code, String label) {
    }

    public record GridRow(String hour, List<GridCell> cells) {
    }

    public record Options(List<Department> departments, List<Office> offices, List<Level> levels,
            List<Language> languages, List<String> timeZones, List<String> skills, List<String> days,
            List<GridRow> grid, int maxMentorCapacity) {
    }

    @Inject
    EntityManager em;

    public Options load() {
        return new Options(Department.listByName(), Office.listByName(), Level.all(),
                LANGUAGES.entrySet().stream().map(e -> new Language(e.getKey(), e.getValue())).toList(),
                TIME_ZONES, knownSkills(), days(), grid(), Person.MAX_MENTOR_CAPACITY);
    }

    /** Skills and goals already in use, so people converge on the same names. */
    @SuppressWarnings("unchecked")
    List<String> knownSkills() {
        List<String> names = em.createNativeQuery(
                "select skill from person_skill union select skill from person_goal").setMaxResults(500)
                .getResultList();
        return new ArrayList<>(new TreeSet<>(names));
    }

    static List<String> days() {
        return WeeklySlot.WORKDAYS.stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList();
    }

    static List<GridRow> grid() {
        List<GridRow> rows = new ArrayList<>();
        for (int hour = WeeklySlot.FIRST_HOUR; hour <= WeeklySlot.LAST_HOUR; hour++) {
            List<GridCell> cells = new ArrayList<>();
            for (DayOfWeek day : WeeklySlot.WORKDAYS) {
                WeeklySlot slot = new WeeklySlot(day, hour);
                cells.add(new GridCell(slot.code(), String.format(Locale.ROOT, "%s %02d:00-%02d:00",
                        day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), hour, hour + 1)));
            }
            rows.add(new GridRow(String.format(Locale.ROOT, "%02d:00", hour), cells));
        }
        return rows;
    }

    private static Map<String, String> languageNames(String... codes) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String code : codes) {
            names.put(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH));
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
