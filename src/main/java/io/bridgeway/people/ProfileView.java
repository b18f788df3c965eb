package io.bridgeway.people;

import io.bridgeway.matching.WeeklySlot;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Read-only presentation of a profile: language names and availability grouped by day. */
public record ProfileView(List<String> languages, List<String> availabilityByDay) {

    public static ProfileView of(Person person) {
        List<String> languages = person.languages.stream()
                .map(code -> ProfileOptions.LANGUAGES.getOrDefault(code, code)).toList();
        Map<DayOfWeek, List<String>> hours = new TreeMap<>();
        person.availability.stream().map(WeeklySlot::parse).sorted().forEach(slot -> hours
                .computeIfAbsent(slot.day(), d -> new ArrayList<>())
                .add(String.format(Locale.ROOT, "%02d:00", slot.hour())));
        List<String> days = new ArrayList<>();
        hours.forEach((day, list) -> days.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ": "
                + String.join(", ", list)));
        return new ProfileView(languages, days);
    }
}
