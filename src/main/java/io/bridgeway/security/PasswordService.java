package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.audit.AuditLog;
import io.bridgeway.notifications.MatchNotifier;
import io.bridgeway.notifications.Outbox;
import io.bridgeway.people.Person;
import io.bridgeway.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Changing a password, and resetting a forgotten one by an e-mailed single-use link. Both end every
 * existing session of the account: whoever knew the old password is signed out.
 */
@ApplicationScoped
public class PasswordService {

    public static final Duration RESET_VALID_FOR = Duration.ofMinutes(30);
    /** Caps the mails one address can be sent by strangers pressing "forgot password". */
    static final int MAX_RESETS_PER_WINDOW = 3;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    BridgewayConfig config;

    @Inject
    LoginThrottle throttle;

    Clock clock = Clock.systemUTC();

    /**
     * The new session version, so the caller can keep the browser that made the change signed in; or the
     * errors, with how long to wait when too many wrong current passwords were tried ({@code retryAfter}).
     */
    public record Changed(FormErrors errors, int sessionVersion, Optional<Duration> retryAfter) {
    }

    /**
     * Throttled like sign-in, with the account's and the client address's failures counted together with
     * theirs: a stolen session must not give unlimited guesses at the current password.
     */
    @Transactional
    public Changed change(long personId, String current, String replacement, String confirmation, String clientAddress) {
        Person person = Person.findById(personId);
        FormErrors errors = FormErrors.none();
        LoginThrottle.Admission admission = throttle.admit(person.email, clientAddress);
        if (admission instanceof LoginThrottle.Refused refused) {
            errors.add("current", "Too many wrong passwords; try again in "
                    + LoginThrottle.inWords(refused.retryAfter()) + ".");
            return new Changed(errors, person.sessionVersion, Optional.of(refused.retryAfter()));
        }
        if (Passwords.matches(current, person.passwordHash)) {
            throttle.succeeded((LoginThrottle.Admitted) admission, person.email, clientAddress);
        } else {
            errors.add("current", "That is not your current password."); // the admitted attempt stays, as a failure
        }
        checkNew(replacement, confirmation, person, errors);
        if (errors.any()) {
            return new Changed(errors, person.sessionVersion, Optional.empty());
        }
        setPassword(person, replacement);
        audit.record("PASSWORD_CHANGED", "Person", person.id, null, null);
        return new Changed(errors, person.sessionVersion + 1, Optional.empty());
    }

    /**
     * Mails a reset link when {@code email} belongs to an active account. Says nothing either way, so
     * the form cannot be used to find out who has an account.
     */
    @Transactional
    public void requestReset(String email) {
        Person person = Person.findByEmail(email);
        if (person == null || !person.active || recentResets(person) >= MAX_RESETS_PER_WINDOW) {
            return;
        }
        String token = Passwords.generate() + Passwords.generate();
        PasswordReset reset = new PasswordReset();
        reset.person = person;
        reset.tokenHash = Passwords.sha256(token);
        reset.createdAt = clock.instant();
        reset.expiresAt = reset.createdAt.plus(RESET_VALID_FOR);
        reset.persist();
        String link = BridgewayConfig.baseUrl(config.publicUrl()).orElse(BridgewayConfig.LOCAL_URL)
                + "/password/reset?token=" + token;
        // Through the outbox: the mail goes out only if the token was stored, and survives a crash.
        outbox.enqueue(new MatchNotifier.Notice(person.id, person.email, person.fullName,
                "Reset your Bridgeway password",
                "Hello " + person.fullName + ",\n\nSomeone (hopefully you) asked to reset your Bridgeway password. "
                        + "Open this link within 30 minutes to choose a new one:\n\n" + link + "\n\n"
                        + "The link works once. If you did not ask for it, ignore this mail: your password stays as it is.\n",
                null, null), Outbox.PASSWORD_RESET, null);
    }

    private long recentResets(Person person) {
        return PasswordReset.count("person = ?1 and createdAt > ?2", person, clock.instant().minus(RESET_VALID_FOR));
    }

    /** The reset that {@code token} names, when it is unused and unexpired. */
    @Transactional
    public PasswordReset usableReset(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return null;
        }
        PasswordReset reset = PasswordReset.findByTokenHash(Passwords.sha256(token));
        return reset != null && reset.usableAt(clock.instant()) ? reset : null;
    }

    /** Sets the new password and spends the token; errors when the token or the password is refused. */
    @Transactional
    public FormErrors reset(String token, String replacement, String confirmation) {
        FormErrors errors = FormErrors.none();
        PasswordReset reset = usableReset(token);
        if (reset == null) {
            return errors.add("token", "This reset link has expired or was already used. Ask for a new one.");
        }
        checkNew(replacement, confirmation, reset.person, errors);
        if (errors.any()) {
            return errors;
        }
        reset.usedAt = clock.instant();
        setPassword(reset.person, replacement);
        // A reset is how someone who lost control of the account takes it back: whatever an intruder made with
        // the account goes too. (A change keeps the tokens: a routine change must not break the owner's scripts.)
        long revoked = ApiToken.delete("person.id", reset.person.id);
        io.bridgeway.mentoring.CalendarFeed.deleteOf(java.util.List.of(reset.person.id)); // and the calendar link
        audit.recordAs(reset.person.id, reset.person.email, "PASSWORD_RESET", "Person", reset.person.id, null,
                revoked == 0 ? null : revoked + " API token(s) revoked");
        return errors;
    }

    private static void checkNew(String replacement, String confirmation, Person person, FormErrors errors) {
        PasswordPolicy.problem(replacement, person.email).ifPresent(problem -> errors.add("password", problem));
        if (!errors.has("password") && !replacement.equals(confirmation)) {
            errors.add("confirmation", "The two new passwords differ. Type the same password twice.");
        }
    }

    private static void setPassword(Person person, String replacement) {
        person.passwordHash = Passwords.hash(replacement);
        Person.endAllSessions(person.id);
    }
}
