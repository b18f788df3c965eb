package io.bridgeway.people;

import io.bridgeway.security.Passwords;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fired (synchronously, inside the deleting transaction, before the row goes) when an account is
 * deleted, so each feature can forget or pseudonymise the person without the people package knowing it.
 */
public record PersonDeleted(long personId, String email, String fullName) {

    /** How pages show someone whose account was deleted. */
    public static final String FORMER_EMPLOYEE = "Former employee";

    /** The same stable stand-in for all of the person's traces, e.g. in the audit log. */
    public String pseudonym() {
        return pseudonymOf(personId);
    }

    /**
     * {@code text} with this person's exact e-mail address replaced by their {@link #pseudonym()}. Only the whole
     * address: "wong@x.example" inside "yusuf.wong@x.example" or "n@x" inside "admin@x" is somebody else's.
     */
    public String withoutEmail(String text) {
        // no address character before; after, none, nor a dot that continues the domain (a full stop may follow)
        return replaceExact(text, "(?<![\\w.!#$%&'*+/=?^`{|}~@-])" + Pattern.quote(email)
                + "(?![\\w@-]|\\.[\\w-])", pseudonym());
    }

    /** {@code text} with this person's exact full name replaced by {@link #FORMER_EMPLOYEE}: not "Wen Park" in "Owen Parker". */
    public String withoutName(String text) {
        return replaceExact(text, "(?<![\\p{L}\\p{N}])" + Pattern.quote(fullName) + "(?![\\p{L}\\p{N}])",
                FORMER_EMPLOYEE);
    }

    private static String replaceExact(String text, String regex, String replacement) {
        return text == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    public static String pseudonymOf(long personId) {
        return "former-employee-" + Passwords.sha256("bridgeway-person-" + personId).substring(0, 8);
    }
}
