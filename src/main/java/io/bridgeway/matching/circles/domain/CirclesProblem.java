package io.bridgeway.matching.circles.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.time.WeeklyAvailability;

/**
 * A circles programme to plan: every person joins one circle of size [minGroupSize, maxGroupSize] in each
 * of {@code rounds} rounds. {@code history} lists earlier circles (person ids). {@code withoutUtcOffset}
 * names people whose offset is unknown (they do not widen a circle's time-zone spread).
 * {@code availability} and {@code calendar} are optional and only used for meeting times.
 * {@code freeUtcHours} (MODEL.md, "Availability": UTC hours of the week 0..167; a person not listed is free
 * at every hour) is optimised by the search and decides each circle's hour; see {@link #freeUtcHoursInRound}.
 * {@code keptApart} lists pairs of person ids who must never share a circle (confidential: never explained).
 */
public record CirclesProblem(List<PersonProfile> people, int rounds, int minGroupSize, int maxGroupSize,
        List<List<String>> history, CirclesSettings settings, Set<String> withoutUtcOffset,
        Map<String, PersonAvailability> availability, MeetingCalendar calendar,
        Map<String, Set<Integer>> freeUtcHours, List<List<String>> keptApart) {

    public CirclesProblem(List<PersonProfile> people, int rounds, int minGroupSize, int maxGroupSize,
            List<List<String>> history, CirclesSettings settings, Set<String> withoutUtcOffset,
            Map<String, PersonAvailability> availability, MeetingCalendar calendar,
            Map<String, Set<Integer>> freeUtcHours) {
        this(people, rounds, minGroupSize, maxGroupSize, history, settings, withoutUtcOffset, availability,
                calendar, freeUtcHours, null);
    }

    /** A problem without free UTC hours (everyone free at every hour for the search). */
    public CirclesProblem(List<PersonProfile> people, int rounds, int minGroupSize, int maxGroupSize,
            List<List<String>> history, CirclesSettings settings, Set<String> withoutUtcOffset,
            Map<String, PersonAvailability> availability, MeetingCalendar calendar) {
        this(people, rounds, minGroupSize, maxGroupSize, history, settings, withoutUtcOffset, availability,
                calendar, null);
    }

    public CirclesProblem {
        people = people == null ? List.of() : List.copyOf(people);
        history = history == null ? List.of() : history.stream().map(List::copyOf).toList();
        settings = settings == null ? CirclesSettings.defaults() : settings;
        withoutUtcOffset = withoutUtcOffset == null ? Set.of() : Set.copyOf(withoutUtcOffset);
        availability = availability == null ? Map.of() : Map.copyOf(availability);
        freeUtcHours = freeUtcHours == null ? Map.of() : Map.copyOf(freeUtcHours);
        keptApart = keptApart == null ? List.of() : keptApart.stream().map(List::copyOf).toList();
    }

    /** A problem with default rules, no history and no meeting-time data. */
    public static CirclesProblem of(List<PersonProfile> people, int rounds, int minGroupSize, int maxGroupSize) {
        return new CirclesProblem(people, rounds, minGroupSize, maxGroupSize, List.of(), null, null, null, null);
    }

    /**
     * Person id to free UTC hours in meeting round {@code round} (0-based), as the search and the meeting hours
     * count them for that round's circles. For someone in {@code freeUtcHours} who also gave local slots, with a
     * calendar, the hours are those slots over that round's own meeting weeks: a daylight-saving change between
     * meetings moves them. Otherwise they are {@code freeUtcHours}, the same in every round.
     */
    public Map<String, Set<Integer>> freeUtcHoursInRound(int round) {
        if (calendar == null || availability.isEmpty()) {
            return freeUtcHours;
        }
        Map<String, Set<Integer>> hours = new LinkedHashMap<>();
        freeUtcHours.forEach((id, given) -> {
            PersonAvailability local = availability.get(id);
            hours.put(id, local == null ? given
                    : WeeklyAvailability.of(local.slots(), local.zone(), calendar.weekStarts(round)).wholeUtcHours());
        });
        return hours;
    }

    public CirclesProblem withHistory(List<List<String>> newHistory) {
        return new CirclesProblem(people, rounds, minGroupSize, maxGroupSize, newHistory, settings,
                withoutUtcOffset, availability, calendar, freeUtcHours, keptApart);
    }

    public CirclesProblem withSettings(CirclesSettings newSettings) {
        return new CirclesProblem(people, rounds, minGroupSize, maxGroupSize, history, newSettings,
                withoutUtcOffset, availability, calendar, freeUtcHours, keptApart);
    }

    public CirclesProblem withMeetingTimes(Map<String, PersonAvailability> newAvailability, MeetingCalendar newCalendar) {
        return new CirclesProblem(people, rounds, minGroupSize, maxGroupSize, history, settings,
                withoutUtcOffset, newAvailability, newCalendar, freeUtcHours, keptApart);
    }

    public CirclesProblem withFreeUtcHours(Map<String, Set<Integer>> newFreeUtcHours) {
        return new CirclesProblem(people, rounds, minGroupSize, maxGroupSize, history, settings,
                withoutUtcOffset, availability, calendar, newFreeUtcHours, keptApart);
    }

    /** The same problem where each given pair of person ids must never share a circle. */
    public CirclesProblem withKeptApart(Collection<List<String>> pairs) {
        return new CirclesProblem(people, rounds, minGroupSize, maxGroupSize, history, settings,
                withoutUtcOffset, availability, calendar, freeUtcHours, pairs == null ? null : List.copyOf(pairs));
    }
}
