package io.bridgeway.people;

/**
 * A feature's share of "Download my data". Each feature that stores personal data contributes a
 * section, so the export stays complete without the people package knowing every feature.
 */
public interface PersonDataSection {

    /** The JSON key of the section, e.g. "enrollments". */
    String name();

    /** The person's data in this feature, as a JSON-serialisable value. */
    Object dataOf(Person person);
}
