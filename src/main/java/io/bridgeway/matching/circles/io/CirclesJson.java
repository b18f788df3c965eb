package io.bridgeway.matching.circles.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.ReportingLoops;
import io.bridgeway.matching.WeeklySlot;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.InvalidInstanceException;
import io.bridgeway.matching.circles.domain.MeetingCalendar;
import io.bridgeway.matching.circles.domain.PersonAvailability;
import io.bridgeway.matching.circles.solver.CircleRules;

/** Maps circles JSON (MODEL.md format plus optional meeting-time fields) to the domain and back. */
public final class CirclesJson {

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 9999;

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private CirclesJson() {
    }

    public static CirclesInstanceJson read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), CirclesInstanceJson.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read circles instance " + file, e);
        }
    }

    public static void write(Path file, CirclesSolutionJson solution) {
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), solution);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write circles solution " + file, e);
        }
    }

    public static CirclesSolutionJson toJson(CirclesResult result) {
        return new CirclesSolutionJson(result.rounds(), result.meetingBlocks(), result.score(), result.hard(),
                result.repeats(), result.soft(), result.unavailableMembers(), result.seconds(), result.explanations());
    }

    /** The problem of an instance; throws InvalidInstanceException listing every unreadable field. */
    public static CirclesProblem toProblem(CirclesInstanceJson json) {
        List<String> problems = new ArrayList<>();
        if (json.kind() != null && !json.kind().equals("circles")) {
            problems.add("kind must be \"circles\", not \"" + json.kind() + "\"");
        }
        if (json.rounds() == null) {
            problems.add("rounds is missing");
        }
        if (json.groupSize() == null || json.groupSize().min() == null || json.groupSize().max() == null) {
            problems.add("groupSize needs min and max");
        }
        List<PersonProfile> people = new ArrayList<>();
        Set<String> withoutOffset = new HashSet<>();
        Map<String, PersonAvailability> availability = new LinkedHashMap<>();
        Map<String, Set<Integer>> freeUtcHours = new LinkedHashMap<>();
        List<CirclesInstanceJson.PersonJson> peopleJson = json.people() == null ? List.of() : json.people();
        for (int i = 0; i < peopleJson.size(); i++) {
            CirclesInstanceJson.PersonJson p = peopleJson.get(i);
            if (p == null || p.id() == null || p.id().isBlank()) {
                problems.add("person " + (i + 1) + " has no id");
                continue;
            }
            // the profile's Set.copyOf/Map.copyOf would throw on a null
            String who = "person " + p.id() + ": ";
            if (containsNull(p.languages()) || containsNull(p.goals())
                    || p.skills() != null && p.skills().containsValue(null)) {
                problems.add(who + (containsNull(p.languages()) ? "languages" : containsNull(p.goals()) ? "goals"
                        : "skills") + " must not contain null");
                continue;
            }
            if (p.level() != null && (p.level() < 1 || p.level() > PersonProfile.MAX_LEVEL)) {
                // MODEL.md: 1 junior .. 8 executive; golfer instances leave it out (read as check.py's 0)
                problems.add(who + "level must be an integer 1.." + PersonProfile.MAX_LEVEL + ", not " + p.level());
                continue;
            }
            if (p.utcOffsetMinutes() != null && !PersonProfile.isRealUtcOffset(p.utcOffsetMinutes())) {
                problems.add(who + "utcOffsetMinutes must be an integer " + PersonProfile.MIN_REAL_UTC_OFFSET_MINUTES
                        + ".." + PersonProfile.MAX_REAL_UTC_OFFSET_MINUTES + ", not " + p.utcOffsetMinutes());
                continue;
            }
            people.add(new PersonProfile(p.id(), p.name(), p.department(), p.level() == null ? 0 : p.level(),
                    p.managerId(), p.office(), p.utcOffsetMinutes() == null ? 0 : p.utcOffsetMinutes(),
                    p.languages() == null ? null : new LinkedHashSet<>(p.languages()), p.skills(),
                    p.goals() == null ? null : new LinkedHashSet<>(p.goals())));
            if (p.utcOffsetMinutes() == null) {
                withoutOffset.add(p.id());
            }
            if (p.freeUtcHours() != null) {
                freeUtcHours.put(p.id(), readFreeUtcHours(p, problems));
            }
            if (p.availability() != null) {
                readAvailability(p, problems).ifPresent(a -> availability.put(p.id(), a));
            } else if (p.timeZone() != null) {
                problems.add("person " + p.id() + " has a timeZone but no availability");
            }
        }
        List<String> loop = ReportingLoops.firstLoop(people);
        if (!loop.isEmpty()) {
            problems.add("person " + loop.get(0) + ": managerId " + ReportingLoops.describe(loop));
        }
        List<List<String>> history = json.history() == null ? List.of() : json.history();
        for (int h = 0; h < history.size(); h++) {
            if (history.get(h) == null || containsNull(history.get(h))) {
                problems.add("history group " + (h + 1) + " must be a list of person ids, without null");
            } else {
                int group = h + 1;
                firstRepeat(history.get(h)).ifPresent(id -> problems.add(
                        "history group " + group + " names \"" + id + "\" twice; a group lists each person once"));
            }
        }
        MeetingCalendar calendar = null;
        if (json.startDate() != null) {
            try {
                LocalDate start = LocalDate.parse(json.startDate());
                if (start.getYear() < FIRST_YEAR || start.getYear() > LAST_YEAR) {
                    // later rounds' weeks and their time-zone rules must stay within java.time's years
                    throw new IllegalArgumentException("startDate must be in the years " + FIRST_YEAR + ".." + LAST_YEAR
                            + ", not " + start);
                }
                calendar = new MeetingCalendar(start, json.weeksPerRound() == null ? 1 : json.weeksPerRound());
            } catch (DateTimeException | IllegalArgumentException e) {
                problems.add("startDate/weeksPerRound: " + e.getMessage());
            }
        }
        CirclesInstanceJson.RulesJson rules = json.rules();
        if (rules != null && rules.maxOffsetDiffMinutes() != null && rules.maxOffsetDiffMinutes() < 0) {
            // advisory for circles (MODEL.md), but a negative limit is a mistake, as in pairing
            problems.add("rules.maxOffsetDiffMinutes must be 0 or more, not " + rules.maxOffsetDiffMinutes());
        }
        CirclesSettings defaults = CirclesSettings.defaults();
        CirclesSettings settings = rules == null ? defaults : new CirclesSettings(
                weight(rules.sameDepartmentPairWeight(), defaults.sameDepartmentPairWeight(),
                        "sameDepartmentPairWeight", problems),
                weight(rules.timezoneSpreadPerHourWeight(), defaults.timezoneSpreadPerHourWeight(),
                        "timezoneSpreadPerHourWeight", problems),
                weight(rules.groupWithoutSeniorWeight(), defaults.groupWithoutSeniorWeight(),
                        "groupWithoutSeniorWeight", problems),
                seniorLevel(rules.seniorLevel(), problems),
                weight(rules.unavailableMemberWeight(), defaults.unavailableMemberWeight(),
                        "unavailableMemberWeight", problems));
        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
        return new CirclesProblem(people, json.rounds(), json.groupSize().min(), json.groupSize().max(),
                json.history(), settings, withoutOffset, availability, calendar, freeUtcHours);
    }

    /** The given rule weight or the default; one out of range is listed (and read as the default). */
    private static int weight(Integer given, int fallback, String name, List<String> problems) {
        if (given != null && (given < 0 || given > CirclesSettings.MAX_WEIGHT)) {
            problems.add("rules." + name + " must be 0.." + CirclesSettings.MAX_WEIGHT + ", not " + given);
            return fallback;
        }
        return given == null ? fallback : given;
    }

    /** MODEL.md's seniorLevel is a level, 1..8; absent switches the senior rule off. */
    private static Integer seniorLevel(Integer given, List<String> problems) {
        if (given != null && (given < 1 || given > PersonProfile.MAX_LEVEL)) {
            problems.add("rules.seniorLevel must be 1.." + PersonProfile.MAX_LEVEL + ", not " + given);
            return null;
        }
        return given;
    }

    private static boolean containsNull(List<?> values) {
        return values != null && values.contains(null);
    }

    private static java.util.Optional<String> firstRepeat(List<String> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(id -> !seen.add(id)).findFirst();
    }

    /** MODEL.md's free hours: whole UTC hours of the week, 0 (Monday 00:00 UTC) to 167. */
    private static Set<Integer> readFreeUtcHours(CirclesInstanceJson.PersonJson p, List<String> problems) {
        Set<Integer> hours = new java.util.TreeSet<>();
        for (Integer hour : p.freeUtcHours()) {
            if (hour == null || hour < 0 || hour >= CircleRules.HOURS_PER_WEEK) {
                problems.add("person " + p.id() + ": freeUtcHours must be whole hours of the week 0..167, not " + hour);
            } else {
                hours.add(hour);
            }
        }
        return hours;
    }

    private static java.util.Optional<PersonAvailability> readAvailability(CirclesInstanceJson.PersonJson p,
            List<String> problems) {
        ZoneId zone;
        if (p.timeZone() == null) {
            // toProblem skipped anyone with an offset outside -720..840
            zone = java.time.ZoneOffset.ofTotalSeconds((p.utcOffsetMinutes() == null ? 0 : p.utcOffsetMinutes()) * 60);
        } else {
            try {
                zone = ZoneId.of(p.timeZone());
            } catch (DateTimeException e) {
                problems.add("person " + p.id() + ": unknown time zone '" + p.timeZone() + "'");
                return java.util.Optional.empty();
            }
        }
        Set<WeeklySlot> slots = new LinkedHashSet<>();
        for (String code : p.availability()) {
            try {
                slots.add(WeeklySlot.parse(code));
            } catch (IllegalArgumentException e) {
                problems.add("person " + p.id() + ": " + e.getMessage());
            }
        }
        return java.util.Optional.of(new PersonAvailability(zone, slots));
    }

}
