package io.bridgeway.security;

import io.bridgeway.people.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the account data that authentication needs, off the event loop, in its own request context. */
@ApplicationScoped
public class AccountLookup {

    /** {@code rowVersion}: the person row's optimistic-lock version, which every edit of the person bumps. */
    public record Account(long personId, String email, String fullName, String passwordHash, Set<String> roles,
            int sessionVersion, long rowVersion) {
    }

    @ActivateRequestContext
    public Optional<Account> findActive(String email) {
        return active(Person.findByEmail(email));
    }

    /**
     * The check behind every signed-in page: one query of the columns the identity needs, with the roles joined,
     * instead of the whole entity with its eager department, office and role loads (issue 15, bench/load.sh).
     */
    @ActivateRequestContext
    public Optional<Account> findActive(long personId) {
        List<Object[]> rows = Person.getEntityManager().createQuery("select p.email, p.fullName, p.passwordHash,"
                + " p.sessionVersion, p.version, r from Person p left join p.roles r where p.id = ?1 and p.active = true",
                Object[].class).setParameter(1, personId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        Set<String> roles = new TreeSet<>();
        rows.stream().map(row -> (String) row[5]).filter(role -> role != null).forEach(roles::add);
        return Optional.of(new Account(personId, (String) first[0], (String) first[1], (String) first[2],
                Set.copyOf(roles), (Integer) first[3], (Long) first[4]));
    }

    private static Optional<Account> active(Person person) {
        if (person == null || !person.active) {
            return Optional.empty();
        }
        return Optional.of(new Account(person.id, person.email, person.fullName, person.passwordHash,
                Set.copyOf(person.roles), person.sessionVersion, person.version));
    }
}
