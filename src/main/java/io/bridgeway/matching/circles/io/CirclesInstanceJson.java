package io.bridgeway.matching.circles.io;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A MODEL.md circles instance, plus optional meeting-time fields: per person {@code timeZone} (IANA id) and
 * {@code availability} (["MON-09", ...] in that zone); at the top level {@code startDate} (ISO date of the
 * first meeting week of round 1) and {@code weeksPerRound} (default 1). MODEL.md's {@code freeUtcHours} (UTC hours
 * of the week 0..167) is what the search optimises; {@code rules.unavailableMemberWeight} overrides its 40.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CirclesInstanceJson(String kind, String name, Integer rounds, GroupSizeJson groupSize, RulesJson rules,
        List<PersonJson> people, List<List<String>> history, String startDate, Integer weeksPerRound) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupSizeJson(Integer min, Integer max) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RulesJson(Integer seniorLevel, Integer maxOffsetDiffMinutes, Integer sameDepartmentPairWeight,
            Integer timezoneSpreadPerHourWeight, Integer groupWithoutSeniorWeight, Integer unavailableMemberWeight) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonJson(String id, String name, String department, Integer level, String managerId,
            String office, Integer utcOffsetMinutes, List<String> languages, Map<String, Integer> skills,
            List<String> goals, String timeZone, List<String> availability, List<Integer> freeUtcHours) {
    }
}
