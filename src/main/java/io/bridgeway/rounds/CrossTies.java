package io.bridgeway.rounds;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cross-department ties: two people from different departments who met in a published round, as mentor and
 * mentee or in the same circle. A person's count is the number of distinct such people (meeting someone twice
 * is one tie). Circle seating and the fairness simulation both measure with this.
 */
public final class CrossTies {

    /** person id -> distinct people from another department they met. */
    private final Map<String, Set<String>> partners = new HashMap<>();
    private final Map<String, String> departmentOf;

    public CrossTies(Map<String, String> departmentOf) {
        this.departmentOf = departmentOf;
    }

    /** Adds a group that met (a pair, or a circle's members); pairs from the same or an unknown department do not count. */
    public void met(Collection<String> group) {
        List<String> people = List.copyOf(group);
        for (int i = 0; i < people.size(); i++) {
            for (int j = i + 1; j < people.size(); j++) {
                String a = people.get(i);
                String b = people.get(j);
                String da = departmentOf.get(a);
                String db = departmentOf.get(b);
                if (da != null && db != null && !Objects.equals(da, db)) {
                    partners.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                    partners.computeIfAbsent(b, k -> new HashSet<>()).add(a);
                }
            }
        }
    }

    public int of(String personId) {
        Set<String> met = partners.get(personId);
        return met == null ? 0 : met.size();
    }

    /** Distinct cross-department ties between each unordered pair of departments ("A|B", A before B). */
    public Map<String, Integer> byDepartmentPair() {
        Map<String, Integer> counts = new HashMap<>();
        partners.forEach((a, others) -> others.forEach(b -> {
            if (a.compareTo(b) < 0) {
                counts.merge(departmentPair(departmentOf.get(a), departmentOf.get(b)), 1, Integer::sum);
            }
        }));
        return counts;
    }

    public static String departmentPair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
