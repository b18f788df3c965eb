package io.bridgeway.people;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for e-mail addresses Bridgeway stores or mails: sign-up, profile edit, cohort lists,
 * the first admin and (later) HR import all use it. Deliberately stricter than RFC 5322: a plain
 * ASCII dot-atom before the {@code @} (no quotes, commas, spaces or angle brackets, no leading,
 * trailing or double dots) and a domain of letter-digit-hyphen labels ending in an alphabetic TLD.
 * Whatever passes is also accepted by the mailer, so one address can never fail a send for others.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_LENGTH = 64;

    /** RFC 5322 atext: what a dot-atom may contain between dots. */
    private static final Pattern ATEXT = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[A-Za-z]{2,63}");

    private EmailAddress() {
    }

    /** Trimmed and lower-cased, the form addresses are stored and compared in; null stays null. */
    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String email) {
        return problem(email).isEmpty();
    }

    /** Why {@code email} (as given, normalize it first) is refused, as a message for the form field; empty when valid. */
    public static Optional<String> problem(String email) {
        if (email == null || email.isEmpty()) {
            return Optional.of("Enter an email address.");
        }
        if (email.length() > MAX_LENGTH) {
            return Optional.of("An email address has at most " + MAX_LENGTH + " characters.");
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || email.indexOf('@') != at) {
            return Optional.of("An email address has exactly one @, like name@company.com.");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.isEmpty() || local.length() > MAX_LOCAL_LENGTH) {
            return Optional.of("The part before the @ must have 1 to " + MAX_LOCAL_LENGTH + " characters.");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c != '.' && !ATEXT.matcher(String.valueOf(c)).matches()) {
                return Optional.of(describe(c) + " cannot be used in an email address; use letters, digits "
                        + "and . _ + - before the @.");
            }
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.of("The part before the @ cannot start or end with a dot or have two dots in a row.");
        }
        if (!validDomain(domain)) {
            return Optional.of("The part after the @ must be a domain like company.com.");
        }
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            return Optional.of("Enter an email address like name@company.com.");
        }
        return Optional.empty();
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TLD.matcher(labels[labels.length - 1]).matches();
    }

    private static String describe(char c) {
        if (Character.isWhitespace(c)) {
            return "A space";
        }
        return c == '"' ? "A quote (\")" : "'" + c + "'";
    }
}
