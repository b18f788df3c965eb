package io.bridgeway.matching.circles.solver;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesSettings;

/**
 * The scoring rules of one circle, written once and used by the constraint provider, the fast search
 * and the explanations, so the three cannot drift apart.
 */
public final class CircleRules {

    /** UTC hours of the week, the grid of {@code freeUtcHours}. */
    public static final int HOURS_PER_WEEK = 168;

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

    /**
     * The circle's best common hour (MODEL.md, "Availability"): the UTC hour of the week at which the most
     * members are free, the earliest on a tie; -1 when no member has free hours given (free at every hour).
     */
    public static int bestCommonHour(List<CircleMember> members) {
        return bestCommonHourOf(members.stream().map(CircleMember::freeUtcHours).toList());
    }

    /** {@link #bestCommonHour(List)} on each member's free hours, null meaning free at every hour. */
    public static int bestCommonHourOf(List<Set<Integer>> freeHoursOfMembers) {
        if (freeHoursOfMembers.stream().allMatch(Objects::isNull)) {
            return -1;
        }
        int[] freeCount = new int[HOURS_PER_WEEK];
        for (Set<Integer> freeHours : freeHoursOfMembers) {
            for (int hour = 0; hour < HOURS_PER_WEEK; hour++) {
                if (freeHours == null || freeHours.contains(hour)) {
                    freeCount[hour]++;
                }
            }
        }
        int best = 0;
        for (int hour = 1; hour < HOURS_PER_WEEK; hour++) {
            if (freeCount[hour] > freeCount[best]) {
                best = hour;
            }
        }
        return best;
    }

    /** Members not free at the circle's best common hour; 0 when nobody's free hours are given. */
    public static int unavailableMembers(List<CircleMember> members) {
        int hour = bestCommonHour(members);
        return hour < 0 ? 0 : (int) members.stream().filter(m -> !m.freeAt(hour)).count();
    }

    /** The soft penalty of one circle under the given settings. */
    public static int softPenalty(List<CircleMember> members, CirclesSettings settings) {
        return settings.sameDepartmentPairWeight() * sameDepartmentPairs(members)
                + settings.timezoneSpreadPerHourWeight() * timezoneSpreadHours(members)
                + (lacksSenior(members, settings) ? settings.groupWithoutSeniorWeight() : 0)
                + settings.unavailableMemberWeight() * unavailableMembers(members);
    }
}
