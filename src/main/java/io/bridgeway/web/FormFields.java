package io.bridgeway.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parsing of text form values into typed values, recording a readable message per bad field. */
public final class FormFields {

    private FormFields() {
    }

    /** A whole number in [min, max], or null with a message for {@code field}. */
    public static Integer intIn(String raw, int min, int max, String field, String label, FormErrors errors) {
        Long value = parseLong(raw);
        if (value == null || value < min || value > max) {
            errors.add(field, label + " must be a whole number from " + min + " to " + max + ".");
            return null;
        }
        return value.intValue();
    }

    /** Years outside these are typing errors; near LocalDate's ends they overflow, and PostgreSQL refuses them. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9999;

    /** An ISO date (yyyy-mm-dd) in years {@link #MIN_YEAR}..{@link #MAX_YEAR}, or null with a message. */
    public static LocalDate date(String raw, String field, String label, FormErrors errors) {
        try {
            LocalDate date = LocalDate.parse(raw == null ? "" : raw.strip());
            if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // the same message as a year out of range
        }
        errors.add(field, label + " must be a date like 2027-01-31, in the years " + MIN_YEAR + " to " + MAX_YEAR
                + ".");
        return null;
    }

    /** Trimmed text of at most {@code max} characters, line breaks and tabs allowed; empty when absent. */
    public static String text(String raw, int max, boolean required, String field, String label, FormErrors errors) {
        return checked(raw, max, required, field, label, errors, false);
    }

    /** As {@link #text} for a value shown on one line, such as a name or a title: see {@link #lineProblem}. */
    public static String line(String raw, int max, boolean required, String field, String label, FormErrors errors) {
        return checked(raw, max, required, field, label, errors, true);
    }

    private static String checked(String raw, int max, boolean required, String field, String label,
            FormErrors errors, boolean oneLine) {
        String text = raw == null ? "" : raw.strip();
        if (required && text.isEmpty()) {
            errors.add(field, "Enter " + label.toLowerCase() + ".");
        } else if (text.length() > max) {
            errors.add(field, label + " must be at most " + max + " characters.");
        } else if (oneLine) {
            refuseUnlessOneLine(text, field, label, errors);
        } else {
            refuseControlCharacters(text, field, label, errors);
        }
        return text;
    }

    /**
     * A message for {@code field} when {@code text} holds a control character other than tab and line breaks:
     * none belongs in what people type, and PostgreSQL refuses a NUL outright.
     */
    public static void refuseControlCharacters(String text, String field, String label, FormErrors errors) {
        controlCharacterProblem(text, label).ifPresent(message -> errors.add(field, message));
    }

    private static Optional<String> controlCharacterProblem(String text, String label) {
        boolean control = text != null
                && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
        return control ? Optional.of(label + " must not contain control characters.") : Optional.empty();
    }

    /** A message for {@code field} when {@code text} cannot be a one-line value: see {@link #lineProblem}. */
    public static void refuseUnlessOneLine(String text, String field, String label, FormErrors errors) {
        lineProblem(text, label).ifPresent(message -> errors.add(field, message));
    }

    /**
     * Why {@code text} cannot be a one-line value (a name, a title), if it cannot: it holds a line break or tab
     * (names end up in calendar files, mail headers and spreadsheet rows, where a line break can start a forged
     * entry), another control character, or an invisible format character (zero-width spaces, text-direction
     * overrides) that can make a name look empty or read as someone else's.
     */
    public static Optional<String> lineProblem(String text, String label) {
        if (text.chars().anyMatch(c -> c == '\r' || c == '\n' || c == '\t')) {
            return Optional.of(label + " must be on one line, without line breaks or tabs.");
        }
        return controlCharacterProblem(text, label).or(() -> hasInvisibleFormatting(text)
                ? Optional.of(label + " must not contain invisible formatting characters (such as zero-width spaces"
                        + " or text-direction marks).")
                : Optional.empty());
    }

    /**
     * Whether {@code text} holds a format character other than a zero-width (non-)joiner right after a letter or
     * mark: Persian, Hindi, Malayalam and other scripts spell names with those two, never with the others.
     */
    private static boolean hasInvisibleFormatting(String text) {
        int[] points = text.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            if (Character.getType(points[i]) != Character.FORMAT) {
                continue;
            }
            boolean joiner = points[i] == 0x200C || points[i] == 0x200D;
            if (!joiner || i == 0 || !(Character.isLetter(points[i - 1]) || isMark(points[i - 1]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** A message for {@code field} when {@code name} cannot be a person's name: see {@link #personNameProblem}. */
    public static void refuseUnlessPersonName(String name, String field, String label, FormErrors errors) {
        personNameProblem(name, label).ifPresent(message -> errors.add(field, message));
    }

    /** Why {@code name} cannot be a person's name, if it cannot: not a {@link #lineProblem line}, or no letter. */
    public static Optional<String> personNameProblem(String name, String label) {
        return lineProblem(name, label).or(() -> name.codePoints().anyMatch(Character::isLetter) ? Optional.empty()
                : Optional.of(label + " must contain at least one letter."));
    }

    /**
     * A true/false query value, in any case; {@code whenAbsent} when not given (null: it is required). Anything
     * else is refused with 400, so that "yes" or "1" is never silently read as false.
     */
    public static boolean trueOrFalse(String raw, Boolean whenAbsent, String field) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() && whenAbsent != null) {
            return whenAbsent;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new RuleViolationException(field + " must be true or false.", field);
    }

    public static boolean checked(String raw) {
        return raw != null && (raw.equals("true") || raw.equals("on"));
    }

    public static Long parseLong(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
