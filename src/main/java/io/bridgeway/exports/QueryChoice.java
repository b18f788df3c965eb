package io.bridgeway.exports;

import io.bridgeway.web.RuleViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A query parameter that names one constant of an enum, in lower case; anything else is a 400 naming the choices. */
final class QueryChoice {

    private QueryChoice() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String name) {
        String wanted = name == null ? "" : name.strip();
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(wanted)) {
                return value;
            }
        }
        List<String> choices = Arrays.stream(type.getEnumConstants()).map(QueryChoice::slug).toList();
        String list = String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
        throw new RuleViolationException(field + " must be " + list + (wanted.isEmpty() ? "." : ", not '" + name + "'."),
                field);
    }

    static String slug(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
