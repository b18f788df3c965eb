package io.bridgeway.matching.pairing.domain;

import io.bridgeway.matching.InvalidInstanceException;

import java.util.Locale;

/** Whether a pair must cross departments ({@code required}) or merely earns a bonus for it ({@code preferred}). */
public enum CrossDepartment {
    PREFERRED, REQUIRED;

    /** Parses the instance spelling {@code preferred | required}. */
    public static CrossDepartment parse(String text) {
        for (CrossDepartment value : values()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new InvalidInstanceException("rules.crossDepartment must be \"preferred\" or \"required\", not \"" + text + "\"");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
