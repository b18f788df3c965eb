package io.bridgeway.matching;

import java.util.Map;
import java.util.Set;

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

    public PersonProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a person needs an id");
        }
        languages = languages == null || languages.isEmpty() ? Set.of("en") : Set.copyOf(languages);
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        goals = goals == null ? Set.of() : Set.copyOf(goals);
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
