package io.bridgeway.programs;

import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDataSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A person's enrollments, for "Download my data". */
@ApplicationScoped
public class EnrollmentData implements PersonDataSection {

    public record EnrollmentJson(long programId, String program, boolean asMentor, int mentorCapacity,
            boolean asMentee, boolean asCircleMember, String goals, Instant enrolledAt, LocalDate pausedUntil) {
    }

    @Override
    public String name() {
        return "enrollments";
    }

    @Override
    public List<EnrollmentJson> dataOf(Person person) {
        return Enrollment.ofPerson(person).stream()
                .map(e -> new EnrollmentJson(e.program.id, e.program.name, e.asMentor, e.mentorCapacity, e.asMentee,
                        e.asCircleMember, e.programGoals, e.enrolledAt, e.pausedUntil))
                .toList();
    }
}
