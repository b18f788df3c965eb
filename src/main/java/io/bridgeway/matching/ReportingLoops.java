package io.bridgeway.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a loop in the people's managerId links. MODEL.md's reporting chain ends at a department head
 * (managerId null); a chain that comes back to a person has no head, and "above the other in the reporting
 * chain" would hold both ways. Managers outside the instance end a chain (as in check.py).
 */
public final class ReportingLoops {

    private ReportingLoops() {
    }

    /**
     * The first loop, as the ids walked from its earliest-listed member back to that member
     * (["p1", "p1"] for a person who is their own manager), or an empty list when there is none.
     */
    public static List<String> firstLoop(List<PersonProfile> people) {
        Map<String, String> managerOf = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            managerOf.put(people.get(i).id(), people.get(i).managerId());
            position.putIfAbsent(people.get(i).id(), i);
        }
        Set<String> leadsToNoLoop = new HashSet<>(); // walked before without meeting a loop, so each link is walked once
        for (PersonProfile person : people) {
            Map<String, Integer> walk = new LinkedHashMap<>();
            String id = person.id();
            while (id != null && managerOf.containsKey(id) && !leadsToNoLoop.contains(id) && !walk.containsKey(id)) {
                walk.put(id, walk.size());
                id = managerOf.get(id);
            }
            if (id != null && walk.containsKey(id)) {
                List<String> loop = new ArrayList<>(walk.keySet()).subList(walk.get(id), walk.size());
                String first = loop.stream().min((a, b) -> position.get(a) - position.get(b)).orElseThrow();
                List<String> fromFirst = new ArrayList<>();
                int start = loop.indexOf(first);
                for (int k = 0; k <= loop.size(); k++) {
                    fromFirst.add(loop.get((start + k) % loop.size()));
                }
                return fromFirst;
            }
            leadsToNoLoop.addAll(walk.keySet());
        }
        return List.of();
    }

    /** What is wrong, to follow the managerId field's name: "makes a reporting loop p1 -> p2 -> p1; ...". */
    public static String describe(List<String> loop) {
        return "makes a reporting loop " + String.join(" -> ", loop)
                + ", which never reaches a department head (managerId null)";
    }
}
