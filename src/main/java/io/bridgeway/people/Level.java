package io.bridgeway.people;

import java.util.Arrays;
import java.util.List;

/** Career levels 1..8 with the labels people know them by. The number is what matching compares. */
public enum Level {
    ASSOCIATE(1, "Associate"),
    PROFESSIONAL(2, "Professional"),
    SENIOR(3, "Senior"),
    LEAD(4, "Lead"),
    PRINCIPAL(5, "Principal"),
    SENIOR_MANAGER(6, "Senior Manager"),
    DIRECTOR(7, "Director"),
    EXECUTIVE(8, "Executive");

    public static final int MIN = 1;
    public static final int MAX = 8;

    public final int number;
    public final String label;

    Level(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public static List<Level> all() {
        return Arrays.asList(values());
    }

    public static String labelOf(Integer number) {
        if (number == null || number < MIN || number > MAX) {
            return "";
        }
        return values()[number - 1].label;
    }

    /** "5 · Principal", as shown in forms and lists. */
    public String display() {
        return number + " · " + label;
    }
}
