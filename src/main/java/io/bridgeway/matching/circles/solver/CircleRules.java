package io.bridgeway.matching.circles.solver;

import java.util.List;

import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesSettings;

/**
 * The scoring rules of one circle, written once and used by the constraint provider, the fast search
 * and the explanations, so the three cannot drift apart.
 */
public final class CircleRules {

    private CircleRules() {
    }

    /** Repeats a pair adds over the whole schedule: every meeting after the first one counts 1. */
    public static int repeatsOfPair(int meetingsInSchedule, boolean metInHistory) {
        return Math.max(0, meetingsInSchedule + (metInHistory ? 1 : 0) - 1);
    }

    /** Pairs of members sharing a (known) department; departmentIds use -1 for "none". */
    public static int sameDepartmentPairs(int[] departmentIds, int size) {
        int pairs = 0;
        for (int i = 0; i < size; i++) {
            if (departmentIds[i] < 0) {
                continue;
            }
            for (int j = i + 1; j < size; j++) {
                if (departmentIds[i] == departmentIds[j]) {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    /** Whole hours between the earliest and latest known UTC offsets of a circle. */
    public static int timezoneSpreadHours(int minOffsetMinutes, int maxOffsetMinutes) {
        return Math.floorDiv(maxOffsetMinutes - minOffsetMinutes, 60);
    }

    public static int sameDepartmentPairs(List<CircleMember> members) {
        int pairs = 0;
        for (int i = 0; i < members.size(); i++) {
            String department = members.get(i).department();
            if (department == null) {
                continue;
            }
            for (int j = i + 1; j < members.size(); j++) {
                if (department.equals(members.get(j).department())) {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    public static int timezoneSpreadHours(List<CircleMember> members) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (CircleMember member : members) {
            if (member.offsetKnown()) {
                min = Math.min(min, member.profile().utcOffsetMinutes());
                max = Math.max(max, member.profile().utcOffsetMinutes());
            }
        }
        return min > max ? 0 : timezoneSpreadHours(min, max);
    }

    public static boolean lacksSenior(List<CircleMember> members, CirclesSettings settings) {
        if (!settings.seniorRuleActive() || members.isEmpty()) {
            return false;
        }
        return members.stream().noneMatch(settings::isSenior);
    }

    /** The soft penalty of one circle under the given settings. */
    public static int softPenalty(List<CircleMember> members, CirclesSettings settings) {
        return settings.sameDepartmentPairWeight() * sameDepartmentPairs(members)
                + settings.timezoneSpreadPerHourWeight() * timezoneSpreadHours(members)
                + (lacksSenior(members, settings) ? settings.groupWithoutSeniorWeight() : 0);
    }
}
