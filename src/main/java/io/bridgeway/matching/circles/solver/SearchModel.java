package io.bridgeway.matching.circles.solver;

import java.util.Set;

import io.bridgeway.matching.circles.domain.CirclesSettings;

/**
 * The circles problem as plain arrays for the fast search. {@code groupSizes} is the same for every
 * round; {@code fixedGroup[r][p]} is a pinned group or -1. {@code freeUtcHours[r][p]} lists the UTC hours of
 * the week person p is free in round r (daylight saving may move them between rounds), or is null when p is free
 * at every hour; the whole array is null when nobody has hours.
 * {@code keptApartPairs} (pair keys of indexes) must never share a group.
 */
record SearchModel(int people, int rounds, int[] groupSizes, int[] departmentIds, int[] offsetMinutes,
        boolean[] offsetKnown, boolean[] senior, Set<Long> historyPairs, CirclesSettings settings,
        int[][] fixedGroup, int[][][] freeUtcHours, Set<Long> keptApartPairs) {
}
