package io.bridgeway.matching.circles.solver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.InvalidInstanceException;

/** Checks a circles problem before solving and says precisely what is wrong. */
public final class CirclesValidator {

    public static final int MAX_PEOPLE = 20_000;
    public static final int MAX_ROUNDS = 100;

    private CirclesValidator() {
    }

    public static void validate(CirclesProblem problem) {
        List<String> problems = new ArrayList<>();
        int n = problem.people().size();
        if (n == 0) {
            problems.add("there are no people to place in circles");
        }
        if (n > MAX_PEOPLE) {
            problems.add(n + " people is more than the limit of " + MAX_PEOPLE);
        }
        if (problem.rounds() < 1 || problem.rounds() > MAX_ROUNDS) {
            problems.add("rounds must be 1.." + MAX_ROUNDS + ", not " + problem.rounds());
        }
        int min = problem.minGroupSize();
        int max = problem.maxGroupSize();
        if (min < 2) {
            problems.add("the minimum group size must be at least 2, not " + min);
        }
        if (min > max) {
            problems.add("the minimum group size " + min + " is above the maximum " + max);
        }
        if (max > MAX_PEOPLE) {
            problems.add("groupSize.max must be at most " + MAX_PEOPLE + ", not " + max);
        }
        Set<String> ids = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (PersonProfile person : problem.people()) {
            if (!ids.add(person.id())) {
                duplicates.add(person.id());
            }
            person.outOfRangeFields().forEach(field -> problems.add("person " + person.id() + ": " + field));
        }
        if (!duplicates.isEmpty()) {
            problems.add("duplicate person ids: " + String.join(", ", duplicates));
        }
        for (int h = 0; h < problem.history().size(); h++) {
            for (String id : problem.history().get(h)) {
                if (!ids.contains(id)) {
                    problems.add("history group " + (h + 1) + " names unknown person '" + id + "'");
                }
            }
        }
        for (int k = 0; k < problem.keptApart().size(); k++) {
            List<String> pair = problem.keptApart().get(k);
            if (pair.size() != 2 || pair.get(0).equals(pair.get(1))) {
                problems.add("kept-apart pair " + (k + 1) + " must name two different people");
                continue;
            }
            for (String id : pair) {
                if (!ids.contains(id)) {
                    problems.add("kept-apart pair " + (k + 1) + " names unknown person '" + id + "'");
                }
            }
        }
        for (String id : problem.availability().keySet()) {
            if (!ids.contains(id)) {
                problems.add("availability given for unknown person '" + id + "'");
            }
        }
        if (n > 0 && min >= 2 && min <= max && max <= MAX_PEOPLE && groupSizes(n, min, max) == null) {
            int groups = ceilDiv(n, max);
            String fewer = groups - 1 == 0 ? "" : (groups - 1) + (groups - 1 == 1 ? " group holds" : " groups hold")
                    + " at most " + ((groups - 1) * max) + ", ";
            problems.add(n + " people cannot be split into groups of " + min + " to " + max + " people: "
                    + fewer + groups + (groups == 1 ? " group needs" : " groups need") + " at least " + (groups * min));
        }
        if (problems.isEmpty() && worstScore(problem) > Integer.MAX_VALUE) {
            problems.add("rounds, groupSize.max and the rules' weights together allow scores beyond the solver's range"
                    + " (" + worstScore(problem) + " > " + Integer.MAX_VALUE + "): use fewer rounds, smaller groups or"
                    + " smaller weights");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
    }

    /**
     * The largest repeat count or soft penalty any placement could reach: the score's levels are ints, and a sum
     * past their range would wrap around silently and rank a bad plan as a good one.
     */
    static long worstScore(CirclesProblem problem) {
        long n = problem.people().size();
        long pairsPerRound = n * (problem.maxGroupSize() - 1) / 2; // groups of s people hold s(s-1)/2 pairs each
        long groupsPerRound = n / problem.minGroupSize();
        CirclesSettings w = problem.settings();
        long spreadHours = 2L * PersonProfile.MAX_UTC_OFFSET_MINUTES / 60;
        long softPerRound = w.sameDepartmentPairWeight() * pairsPerRound
                + (w.timezoneSpreadPerHourWeight() * spreadHours + w.groupWithoutSeniorWeight()) * groupsPerRound
                + w.unavailableMemberWeight() * n;
        return problem.rounds() * Math.max(pairsPerRound, softPerRound);
    }

    /**
     * The fewest groups that fit everyone, with sizes as equal as possible (larger ones first),
     * or null when n people cannot be split into groups of min..max.
     */
    public static int[] groupSizes(int n, int min, int max) {
        int groups = ceilDiv(n, max);
        if (groups == 0 || (long) groups * min > n) {
            return null;
        }
        int[] sizes = new int[groups];
        for (int g = 0; g < groups; g++) {
            sizes[g] = n / groups + (g < n % groups ? 1 : 0);
        }
        return sizes;
    }

    private static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b); // in long: a + b - 1 overflows int for a large b
    }
}
