package io.bridgeway.people;

import io.bridgeway.matching.WeeklySlot;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A profile ready to display, read inside the transaction so that rendering touches no lazy data.
 */
public record ProfileView(String fullName, String email, String jobTitle, String department, String level,
        String manager, String office, String timeZone, List<String> languages, List<String> skills,
        List<String> goals, String bio, List<String> availabilityByDay, List<String> participation) {

    public static ProfileView of(Person p) {
        List<String> languages = new TreeSet<>(p.languages).stream()
                .map(code -> ProfileOptions.LANGUAGES.getOrDefault(code, code)).toList();
        List<String> skills = new TreeMap<>(p.skills).entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        Map<DayOfWeek, List<String>> hours = new TreeMap<>();
        p.availability.stream().map(WeeklySlot::parse).sorted().forEach(slot -> hours
                .computeIfAbsent(slot.day(), d -> new ArrayList<>())
                .add(String.format(Locale.ROOT, "%02d:00", slot.hour())));
        List<String> days = new ArrayList<>();
        hours.forEach((day, list) -> days.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ": "
                + String.join(", ", list)));
        List<String> participation = List.of(
                p.wantsToMentor ? "Wants to mentor (up to " + p.mentorCapacity + " at once)" : "Not mentoring",
                p.wantsMentor ? "Wants a mentor" : "Not looking for a mentor",
                p.wantsCircle ? "Wants to join peer circles" : "Not in peer circles");
        return new ProfileView(p.fullName, p.email, p.jobTitle, p.department == null ? null : p.department.name,
                p.level == null ? null : p.level + " · " + p.levelLabel(),
                p.manager == null ? null : p.manager.fullName + " (" + p.manager.email + ")",
                p.office == null ? null : p.office.name, p.timeZone, languages, skills,
                List.copyOf(new TreeSet<>(p.goals)), p.bio, days, participation);
    }
}
