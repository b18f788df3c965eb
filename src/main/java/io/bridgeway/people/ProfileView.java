package io.bridgeway.people;

import io.bridgeway.matching.WeeklySlot;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A profile ready to display, read inside the transaction so that rendering touches no lazy data.
 */
public record ProfileView(String fullName, String email, String jobTitle, String department, String level,
        String manager, String office, String timeZone, List<String> languages, List<String> skills,
        List<String> goals, String bio, List<String> availabilityByDay, List<String> participation) {

    /** The person's small collections, read in one query by {@code ProfileService.listsOf}. */
    public record Lists(Set<String> languages, Map<String, Integer> skills, Set<String> goals,
            Set<String> availability) {
    }

    /** "Monday", ... by day: computed once, not per request. */
    private static final Map<DayOfWeek, String> DAY_NAMES = Arrays.stream(DayOfWeek.values())
            .collect(Collectors.toMap(d -> d, d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH), (a, b) -> a,
                    () -> new EnumMap<>(DayOfWeek.class)));

    public static ProfileView of(Person p, Lists lists) {
        List<String> languages = new TreeSet<>(lists.languages()).stream()
                .map(code -> ProfileOptions.LANGUAGES.getOrDefault(code, code)).toList();
        List<String> skills = new TreeMap<>(lists.skills()).entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        Map<DayOfWeek, List<String>> hours = new TreeMap<>();
        lists.availability().stream().map(WeeklySlot::parse).sorted().forEach(slot -> hours
                .computeIfAbsent(slot.day(), d -> new ArrayList<>())
                .add((slot.hour() < 10 ? "0" : "") + slot.hour() + ":00"));
        List<String> days = new ArrayList<>();
        hours.forEach((day, list) -> days.add(DAY_NAMES.get(day) + ": " + String.join(", ", list)));
        List<String> participation = List.of(
                p.wantsToMentor ? "Wants to mentor (up to " + p.mentorCapacity + " at once)" : "Not mentoring",
                p.wantsMentor ? "Wants a mentor" : "Not looking for a mentor",
                p.wantsCircle ? "Wants to join peer circles" : "Not in peer circles");
        return new ProfileView(p.fullName, p.email, p.jobTitle, p.department == null ? null : p.department.name,
                p.level == null ? null : p.level + " · " + p.levelLabel(),
                p.manager == null ? null : p.manager.fullName + " (" + p.manager.email + ")",
                p.office == null ? null : p.office.name, p.timeZone, languages, skills,
                List.copyOf(new TreeSet<>(lists.goals())), p.bio, days, participation);
    }
}
