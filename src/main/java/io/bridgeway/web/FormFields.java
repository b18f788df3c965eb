package io.bridgeway.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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

    /** An ISO date (yyyy-mm-dd), or null with a message for {@code field}. */
    public static LocalDate date(String raw, String field, String label, FormErrors errors) {
        try {
            return LocalDate.parse(raw == null ? "" : raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, label + " must be a date like 2027-01-31.");
            return null;
        }
    }

    /** Trimmed text of at most {@code max} characters; empty when absent. */
    public static String text(String raw, int max, boolean required, String field, String label, FormErrors errors) {
        String text = raw == null ? "" : raw.strip();
        if (required && text.isEmpty()) {
            errors.add(field, "Enter " + label.toLowerCase() + ".");
        } else if (text.length() > max) {
            errors.add(field, label + " must be at most " + max + " characters.");
        }
        return text;
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
