package io.bridgeway.mentoring;

import io.bridgeway.people.Person;
import io.bridgeway.security.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Personal calendar subscription links: made, replaced (which revokes the old one), turned off and looked up by token. */
@ApplicationScoped
public class CalendarFeeds {

    /** A new secret token for the person, replacing any earlier one; the token is shown once and never stored. */
    @Transactional
    public String regenerate(long personId) {
        String token = Passwords.generate(); // 144 bits from SecureRandom, URL-safe
        CalendarFeed feed = CalendarFeed.<CalendarFeed>find("person.id", personId).firstResultOptional()
                .orElseGet(() -> {
                    CalendarFeed created = new CalendarFeed();
                    created.person = Person.findById(personId);
                    return created;
                });
        feed.tokenHash = Passwords.sha256(token);
        feed.createdAt = Instant.now();
        feed.persistAndFlush();
        return token;
    }

    /** When the person's current link was made, if they have one. */
    @Transactional
    public Optional<Instant> createdAt(long personId) {
        return CalendarFeed.<CalendarFeed>find("person.id", personId).firstResultOptional().map(f -> f.createdAt);
    }

    /** Whose feed a token opens; empty for a wrong or replaced token, and while the account is deactivated. */
    @Transactional
    public Optional<Long> personOf(String token) {
        return CalendarFeed.<CalendarFeed>find("tokenHash = ?1 and person.active = true", Passwords.sha256(token))
                .firstResultOptional().map(f -> f.person.id);
    }

    /** Turns the person's link off (their own choice); false when they had none. */
    @Transactional
    public boolean turnOff(long personId) {
        return CalendarFeed.deleteOf(List.of(personId)) > 0;
    }
}
