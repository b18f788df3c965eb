package io.bridgeway.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A person's profile and roles as JSON: the body of GET /api/v1/me and of "Download my data". */
public record ProfileJson(
        long id,
        String email,
        String fullName,
        Set<String> roles,
        String department,
        String jobTitle,
        Integer level,
        String levelLabel,
        Manager manager,
        String office,
        String timeZone,
        Set<String> languages,
        Map<String, Integer> skills,
        Set<String> goals,
        String bio,
        List<String> availability,
        boolean wantsToMentor,
        int mentorCapacity,
        boolean wantsMentor,
        boolean wantsCircle,
        Instant createdAt,
        Instant updatedAt) {

    public record Manager(long id, String fullName, String email) {
    }

    public static ProfileJson of(Person p) {
        return new ProfileJson(p.id, p.email, p.fullName, new TreeSet<>(p.roles),
                p.department == null ? null : p.department.name, p.jobTitle, p.level, Level.labelOf(p.level),
                p.manager == null ? null : new Manager(p.manager.id, p.manager.fullName, p.manager.email),
                p.office == null ? null : p.office.name, p.timeZone, new TreeSet<>(p.languages), new TreeMap<>(p.skills),
                new TreeSet<>(p.goals), p.bio, List.copyOf(new TreeSet<>(p.availability)), p.wantsToMentor, p.mentorCapacity,
                p.wantsMentor, p.wantsCircle, p.createdAt, p.updatedAt);
    }
}
