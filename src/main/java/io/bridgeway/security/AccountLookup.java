package io.bridgeway.security;

import io.bridgeway.people.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.Optional;
import java.util.Set;

/** Reads the account data that authentication needs, off the event loop, in its own request context. */
@ApplicationScoped
public class AccountLookup {

    public record Account(long personId, String email, String fullName, String passwordHash, Set<String> roles,
            int sessionVersion) {
    }

    @ActivateRequestContext
    public Optional<Account> findActive(String email) {
        return active(Person.findByEmail(email));
    }

    @ActivateRequestContext
    public Optional<Account> findActive(long personId) {
        return active(Person.findById(personId));
    }

    private static Optional<Account> active(Person person) {
        if (person == null || !person.active) {
            return Optional.empty();
        }
        return Optional.of(new Account(person.id, person.email, person.fullName, person.passwordHash,
                Set.copyOf(person.roles), person.sessionVersion));
    }
}
