package io.bridgeway.rounds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgeway.matching.PersonProfile;
import io.bridgeway.people.Person;
import io.bridgeway.programs.Enrollment;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The facts about a participant that matching reads, frozen when the round starts: the canonical
 * profile (with the programme's goals when the person gave some), their own zone and weekly
 * availability for circle meeting times, and their management chain so the reporting-chain rule
 * still sees managers who do not take part.
 */
public record ParticipantSnapshot(PersonProfile profile, String email, String timeZone, List<String> availability,
        List<String> managerChain) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ParticipantSnapshot of(Enrollment enrollment, Instant at) {
        Person p = enrollment.person;
        ZoneId zone = p.zone();
        int offsetMinutes = zone.getRules().getOffset(at).getTotalSeconds() / 60;
        Set<String> goals = enrollment.programGoals == null || enrollment.programGoals.isBlank()
                ? p.goals : new LinkedHashSet<>(List.of(enrollment.programGoals.split(",\\s*")));
        List<String> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Person m = p.manager; m != null && seen.add(m.id); m = m.manager) {
            chain.add(String.valueOf(m.id));
        }
        PersonProfile profile = new PersonProfile(String.valueOf(p.id), p.fullName,
                p.department == null ? null : p.department.name, p.level == null ? 0 : p.level,
                chain.isEmpty() ? null : chain.get(0), p.office == null ? null : p.office.name, offsetMinutes,
                p.languages, p.skills, goals);
        return new ParticipantSnapshot(profile, p.email, zone.getId(), List.copyOf(p.availability), chain);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ParticipantSnapshot fromJson(String json) {
        try {
            return JSON.readValue(json, ParticipantSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable participant snapshot", e);
        }
    }
}
