package io.bridgeway.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("bridgeway-person-" + personId).getBytes(StandardCharsets.UTF_8));
            return "former-employee-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
