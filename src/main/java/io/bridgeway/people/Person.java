package io.bridgeway.people;

import io.bridgeway.data.TrackedEntity;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import io.bridgeway.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An employee: the sign-in account (email, password hash, roles) and the self-filled profile that
 * matching reads. HR import ([6/8]) will create people without a password, so the hash is optional.
 */
@Entity
@org.hibernate.annotations.BatchSize(size = 64) // round pairs and unmatched rows name people: load them in batches
public class Person extends TrackedEntity {

    public static final int MAX_MENTOR_CAPACITY = PairingProblem.MAX_MENTOR_CAPACITY;

    @Column(nullable = false, unique = true, length = 254)
    public String email;

    @Column(name = "full_name", nullable = false, length = 120)
    public String fullName;

    /** The HR system's id (HR import matches on it); null for people who signed up themselves. */
    @Column(name = "employee_id", unique = true, length = 64)
    public String employeeId;

    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    @Column(nullable = false)
    public boolean active = true;

    /**
     * Every session cookie carries the value it was issued with; bumping it ends them all. Written only
     * by {@link #endAllSessions}, never by entity saves, so a profile edit cannot undo a sign-out.
     */
    @Column(name = "session_version", insertable = false, updatable = false)
    public int sessionVersion;

    // Lazy: only account pages read them; the session check reads roles with its own query (AccountLookup).
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 64) // lists of people (round pairs) load roles in batches, not one by one
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role_name", length = 32)
    public Set<String> roles = new TreeSet<>();

    @ManyToOne
    @JoinColumn(name = "department_id")
    public Department department;

    @Column(name = "job_title", length = 120)
    public String jobTitle;

    /** 1..8, see {@link Level}. */
    @Column(name = "job_level")
    public Integer level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    public Person manager;

    @ManyToOne
    @JoinColumn(name = "office_id")
    public Office office;

    /** IANA zone, for example Europe/Berlin. Availability is entered in this zone. */
    @Column(name = "time_zone", length = 64)
    public String timeZone;

    /** Where this person's times are shown; UTC when no zone was given. */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone == null ? "UTC" : timeZone);
    }

    @Column(length = 1000)
    public String bio;

    @ElementCollection
    @CollectionTable(name = "person_language", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "language_code", length = 8)
    public Set<String> languages = new TreeSet<>();

    /** Skill slug to proficiency 1..3. */
    @ElementCollection
    @CollectionTable(name = "person_skill", joinColumns = @JoinColumn(name = "person_id"))
    @MapKeyColumn(name = "skill", length = 60)
    @Column(name = "proficiency")
    public Map<String, Integer> skills = new TreeMap<>();

    /** Skills the person wants to grow. */
    @ElementCollection
    @CollectionTable(name = "person_goal", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "skill", length = 60)
    public Set<String> goals = new TreeSet<>();

    /** Weekly slot codes such as MON-09, in {@link #timeZone}. */
    @ElementCollection
    @CollectionTable(name = "person_availability", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "slot", length = 6)
    public Set<String> availability = new TreeSet<>();

    @Column(name = "wants_to_mentor", nullable = false)
    public boolean wantsToMentor;

    @Column(name = "mentor_capacity", nullable = false)
    public int mentorCapacity = 1;

    @Column(name = "wants_mentor", nullable = false)
    public boolean wantsMentor;

    @Column(name = "wants_circle", nullable = false)
    public boolean wantsCircle;

    /** Created by the demo data generator, so it can be told apart from real sign-ups. */
    @Column(nullable = false)
    public boolean demo;


    public static String normalizeEmail(String email) {
        return EmailAddress.normalize(email);
    }

    public static Person findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResult();
    }

    public static boolean emailTaken(String email) {
        return count("email", normalizeEmail(email)) > 0;
    }

    /**
     * Active people with this role. Native SQL because the admin check is the first query of a restart (an
     * admin exists, no demo data): as HQL it loaded Hibernate's query parser on the main thread before ready.
     */
    public static long countWithRole(String role) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from person p join person_role r "
                + "on r.person_id = p.id where r.role_name = ?1 and p.active = true")
                .setParameter(1, role).getSingleResult()).longValue();
    }

    /**
     * Whether this person is the only active admin (removing their ADMIN role would lock everyone out of the
     * admin pages). Locks every active admin's row first and counts in a later statement, so of two concurrent
     * removals the second waits here and then sees the first's commit. Needs a transaction.
     */
    public boolean isLastActiveAdmin() {
        if (!active || !hasRole(Role.ADMIN)) {
            return false;
        }
        lockActiveAdmins();
        return countWithRole(Role.ADMIN) <= 1;
    }

    /** Locks every active admin's row, so that a count of admins after it holds until commit. Needs a transaction. */
    public static void lockActiveAdmins() {
        List<Long> adminIds = find("select p.id from Person p join p.roles r where r = ?1 and p.active = true",
                Role.ADMIN).project(Long.class).list();
        if (!adminIds.isEmpty()) {
            find("id in ?1", adminIds).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
        }
    }

    /** Ends every session of this account (sign-out, password change); needs a transaction. */
    public static void endAllSessions(long personId) {
        update("sessionVersion = sessionVersion + 1 where id = ?1", personId);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public String levelLabel() {
        return Level.labelOf(level);
    }
}
