package io.bridgeway.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facts about one person that both matching problems read, exactly the "people" entries of the
 * canonical model (shared/bench/MODEL.md). Immutable, so solver threads can share it safely.
 * Missing values get the canonical checker's defaults: level 0, offset 0, languages {"en"}.
 */
public record PersonProfile(
        String id,
        String name,
        String department,
        int level,
        String managerId,
        String office,
        int utcOffsetMinutes,
        Set<String> languages,
        Map<String, Integer> skills,
        Set<String> goals) {

    /** MODEL.md's levels: 1 junior .. 8 executive (people.Level), 0 when not given. */
    public static final int MAX_LEVEL = 8;
    /** MODEL.md's skill proficiencies: 1..3 (0 = lacks it). */
    public static final int MAX_PROFICIENCY = 3;
    /** The widest UTC offset java.time allows, 18 hours either way. */
    public static final int MAX_UTC_OFFSET_MINUTES = 18 * 60;
    /**
     * The offsets clocks use, UTC-12:00 .. UTC+14:00: what an instance given to the solve API may say. The app's
     * own people keep java.time's wider bound, as their offsets come from any ZoneId a profile names.
     */
    public static final int MIN_REAL_UTC_OFFSET_MINUTES = -12 * 60;
    public static final int MAX_REAL_UTC_OFFSET_MINUTES = 14 * 60;

    public PersonProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a person needs an id");
        }
        languages = languages == null || languages.isEmpty() ? Set.of("en") : Set.copyOf(languages);
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        goals = goals == null ? Set.of() : Set.copyOf(goals);
    }

    /**
     * The fields outside the model's ranges, as "field must be ..." texts (empty when none). The pair values
     * are ints: a level or proficiency far outside its range would overflow them.
     */
    public List<String> outOfRangeFields() {
        List<String> problems = new ArrayList<>();
        if (level < 0 || level > MAX_LEVEL) {
            problems.add("level must be 0.." + MAX_LEVEL + ", not " + level);
        }
        if (Math.abs((long) utcOffsetMinutes) > MAX_UTC_OFFSET_MINUTES) {
            problems.add("utcOffsetMinutes must be -" + MAX_UTC_OFFSET_MINUTES + ".." + MAX_UTC_OFFSET_MINUTES
                    + ", not " + utcOffsetMinutes);
        }
        new TreeMap<>(skills).forEach((skill, proficiency) -> {
            if (proficiency < 0 || proficiency > MAX_PROFICIENCY) {
                problems.add("skills." + skill + " must be 0.." + MAX_PROFICIENCY + ", not " + proficiency);
            }
        });
        return problems;
    }

    public static boolean isRealUtcOffset(long minutes) {
        return minutes >= MIN_REAL_UTC_OFFSET_MINUTES && minutes <= MAX_REAL_UTC_OFFSET_MINUTES;
    }

    /** Proficiency 1..3 in a skill, 0 when the person lacks it. */
    public int proficiency(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    public boolean sharesLanguageWith(PersonProfile other) {
        for (String language : languages) {
            if (other.languages.contains(language)) {
                return true;
            }
        }
        return false;
    }
}
