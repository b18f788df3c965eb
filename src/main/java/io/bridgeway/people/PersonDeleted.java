package io.bridgeway.people;

import io.bridgeway.security.Passwords;

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

    public static String pseudonymOf(long personId) {
        return "former-employee-" + Passwords.sha256("bridgeway-person-" + personId).substring(0, 8);
    }
}
