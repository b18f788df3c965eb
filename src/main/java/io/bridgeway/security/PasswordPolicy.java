package io.bridgeway.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: long enough, not a single repeated character, not the e-mail, and
 * not on the list of the most common passwords. One rule for sign-up, change and reset.
 */
public final class PasswordPolicy {

    private static final Set<String> COMMON = load("/security/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** The reason {@code password} is refused for the account {@code email}, if it is. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.isBlank()) {
            return Optional.of("Choose a password of at least " + Passwords.MIN_LENGTH + " characters.");
        }
        if (password.length() < Passwords.MIN_LENGTH) {
            return Optional.of("Choose a password of at least " + Passwords.MIN_LENGTH + " characters.");
        }
        if (password.length() > Passwords.MAX_LENGTH) {
            return Optional.of("Password must be at most " + Passwords.MAX_LENGTH + " characters.");
        }
        if (password.chars().distinct().count() == 1) {
            return Optional.of("A password of one repeated character is too easy to guess.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && !email.isBlank()) {
            String mail = email.strip().toLowerCase(Locale.ROOT);
            int at = mail.indexOf('@');
            String localPart = at > 0 ? mail.substring(0, at) : mail;
            if (lower.equals(mail) || lower.equals(localPart)) {
                return Optional.of("Your password must not be your e-mail address.");
            }
        }
        if (COMMON.contains(lower)) {
            return Optional.of("That password is on the list of the most common passwords. Choose another.");
        }
        return Optional.empty();
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
