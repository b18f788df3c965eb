package io.bridgeway.people.hrimport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The documented columns of an HR import file (README, "HR import"), by their header names. */
public enum HrColumn {
    EMPLOYEE_ID("employee_id", true),
    EMAIL("email", true),
    NAME("name", true),
    DEPARTMENT("department", false),
    TITLE("title", false),
    LEVEL("level", false),
    MANAGER("manager", false),
    OFFICE("office", false),
    TIME_ZONE("time_zone", false),
    LANGUAGES("languages", false),
    STATUS("status", false);

    public final String header;
    public final boolean required;

    HrColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    /** The column a header names: case, spaces and hyphens do not matter ("Employee ID", "time-zone"). */
    static Optional<HrColumn> forHeader(String header) {
        String key = header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (key.equals("timezone")) {
            key = TIME_ZONE.header;
        }
        String wanted = key;
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }

    static String allHeaders() {
        return String.join(", ", Arrays.stream(values()).map(c -> c.header).toList());
    }
}
