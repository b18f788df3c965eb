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

    /** One checkbox of the availability grid; {@code day} and {@code hour} say which toggles flip it. */
    public record GridCell(String code, String label, String day, String hour) {
    }

    /** One hour of the grid; {@code toggle} is the value of its "whole hour" button. */
    public record GridRow(String hour, String toggle, String label, List<GridCell> cells) {
    }

    /** One day column of the grid; {@code toggle} is the value of its "whole day" button. */
    public record GridDay(String name, String toggle, String label) {
    }

    public record Options(List<Department> departments, List<Office> offices, List<Level> levels,
            List<Language> languages, List<String> timeZones, List<String> skills, List<GridDay> days,
            List<GridRow> grid, int maxMentorCapacity) {
    }

    private static final String DAY_TOGGLE = "day:";
    private static final String HOUR_TOGGLE = "hour:";

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

    static List<GridDay> days() {
        return WeeklySlot.WORKDAYS.stream().map(d -> new GridDay(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                DAY_TOGGLE + WeeklySlot.dayCode(d), "Every hour on " + d.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s"))
                .toList();
    }

    static List<GridRow> grid() {
        List<GridRow> rows = new ArrayList<>();
        for (int hour = WeeklySlot.GRID_FIRST_HOUR; hour <= WeeklySlot.GRID_LAST_HOUR; hour++) {
            List<GridCell> cells = new ArrayList<>();
            String hours = String.format(Locale.ROOT, "%02d:00-%02d:00", hour, hour + 1);
            for (DayOfWeek day : WeeklySlot.WORKDAYS) {
                WeeklySlot slot = new WeeklySlot(day, hour);
                cells.add(new GridCell(slot.code(), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + hours,
                        WeeklySlot.dayCode(day), hourCode(hour)));
            }
            rows.add(new GridRow(String.format(Locale.ROOT, "%02d:00", hour), HOUR_TOGGLE + hourCode(hour),
                    hours + " on every day", cells));
        }
        return rows;
    }

    /**
     * The grid slots a "whole day" ({@code day:MON}) or "whole hour" ({@code hour:09}) button covers;
     * empty for any other value. The page's script flips the same boxes in the browser.
     */
    static List<String> toggledSlots(String toggle) {
        String value = toggle == null ? "" : toggle.strip();
        return WeeklySlot.workweekGrid().stream()
                .filter(slot -> value.equals(DAY_TOGGLE + WeeklySlot.dayCode(slot.day()))
                        || value.equals(HOUR_TOGGLE + hourCode(slot.hour())))
                .map(WeeklySlot::code).toList();
    }

    private static String hourCode(int hour) {
        return String.format(Locale.ROOT, "%02d", hour);
    }

    private static Map<String, String> languageNames(String... codes) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (String code : codes) {
            names.put(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH));
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
