package io.bridgeway.matching.circles.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.GroupSize;
import io.bridgeway.matching.circles.domain.KeptApart;
import io.bridgeway.matching.circles.domain.MeetingHistory;
import io.bridgeway.matching.circles.domain.Placement;

/** Builds the planning solution of a (validated) problem: one placement per person and round, unassigned. */
public final class CirclesScheduleFactory {

    private CirclesScheduleFactory() {
    }

    public static CirclesSchedule build(CirclesProblem problem) {
        CirclesValidator.validate(problem);
        List<CircleMember> members = new ArrayList<>();
        Map<String, Integer> indexById = new HashMap<>();
        for (PersonProfile person : problem.people()) {
            indexById.put(person.id(), members.size());
            members.add(new CircleMember(members.size(), person, !problem.withoutUtcOffset().contains(person.id()),
                    problem.freeUtcHours().get(person.id())));
        }
        int[] sizes = CirclesValidator.groupSizes(members.size(), problem.minGroupSize(), problem.maxGroupSize());
        List<Circle> circles = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        for (int r = 0; r < problem.rounds(); r++) {
            List<Circle> roundCircles = new ArrayList<>();
            for (int g = 0; g < sizes.length; g++) {
                roundCircles.add(Circle.of(r, g));
            }
            circles.addAll(roundCircles);
            List<Circle> range = List.copyOf(roundCircles);
            // each placement carries its person as free in that round's meeting weeks
            Map<String, Set<Integer>> freeInRound = problem.freeUtcHoursInRound(r);
            for (CircleMember member : members) {
                placements.add(new Placement(new CircleMember(member.index(), member.profile(), member.offsetKnown(),
                        freeInRound.get(member.id())), r, range, null));
            }
        }
        List<List<Integer>> historyGroups = problem.history().stream()
                .map(group -> group.stream().map(indexById::get).toList())
                .toList();
        CirclesSchedule schedule = new CirclesSchedule(problem.rounds(),
                new GroupSize(problem.minGroupSize(), problem.maxGroupSize()), members, circles, problem.settings(),
                MeetingHistory.ofGroups(historyGroups), placements);
        Set<Long> keptApart = new HashSet<>();
        for (List<String> pair : problem.keptApart()) {
            keptApart.add(MeetingHistory.pairKey(indexById.get(pair.get(0)), indexById.get(pair.get(1))));
        }
        schedule.setKeptApart(new KeptApart(keptApart));
        return schedule;
    }
}
