package io.bridgeway.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-field validation messages, in form order, for re-rendering a form next to its inputs. */
public class FormErrors {

    public record FieldError(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Keeps the first message per field: it is usually the most basic problem. */
    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public int count() {
        return byField.size();
    }

    public List<FieldError> all() {
        List<FieldError> list = new ArrayList<>();
        byField.forEach((field, message) -> list.add(new FieldError(field, message)));
        return list;
    }

    public Map<String, String> asMap() {
        return Map.copyOf(byField);
    }
}
