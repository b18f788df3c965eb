package io.bridgeway.programs;

import io.bridgeway.people.Person;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One person's participation in one programme: as mentor, mentee and/or circle member. */
@Entity
public class Enrollment extends PanacheEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "program_id")
    public Program program;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    @Column(name = "as_mentor", nullable = false)
    public boolean asMentor;

    @Column(name = "mentor_capacity", nullable = false)
    public int mentorCapacity = 1;

    @Column(name = "as_mentee", nullable = false)
    public boolean asMentee;

    @Column(name = "as_circle_member", nullable = false)
    public boolean asCircleMember;

    /** Comma-separated goals for this programme; empty means the profile's growth goals. */
    @Column(name = "program_goals", length = 700)
    public String programGoals;

    /** 1..3; managers raise it for people the programme should reach first. */
    @Column(name = "mentee_priority", nullable = false)
    public int menteePriority = 1;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    /** The first day the person takes part again; rounds started before it leave them out. Null: not paused. */
    @Column(name = "paused_until")
    public LocalDate pausedUntil;

    @PrePersist
    void onCreate() {
        enrolledAt = Instant.now();
    }

    public static Enrollment find(Program program, Person person) {
        return find("program = ?1 and person = ?2", program, person).firstResult();
    }

    public static List<Enrollment> ofProgram(Program program) {
        return list("program = ?1 order by person.fullName", program);
    }

    /**
     * The enrollments a round started on {@code day} includes: everyone but those paused on that day and
     * deactivated accounts (whose enrollments stay, with their history).
     */
    public static List<Enrollment> takingPartOn(Program program, LocalDate day) {
        return ofProgram(program).stream().filter(e -> e.person.active && !e.pausedOn(day)).toList();
    }

    public boolean pausedOn(LocalDate day) {
        return pausedUntil != null && day.isBefore(pausedUntil);
    }

    public static List<Enrollment> ofPerson(Person person) {
        return list("person = ?1 order by program.name", person);
    }

    public String roles() {
        List<String> roles = new java.util.ArrayList<>();
        if (asMentor) {
            roles.add("mentor (up to " + mentorCapacity + ")");
        }
        if (asMentee) {
            roles.add("mentee");
        }
        if (asCircleMember) {
            roles.add("circle member");
        }
        return String.join(", ", roles);
    }
}
