package io.bridgeway.matching.circles.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.bridgeway.matching.circles.domain.CircleExplanation;
import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.MeetingHistory;

/** Plain-words notes per circle, from the same {@link CircleRules} the solver optimises. */
public final class CircleExplainer {

    private CircleExplainer() {
    }

    /** @param rounds for each round, its circles as lists of members */
    public static List<CircleExplanation> explain(CirclesSchedule schedule, List<List<List<CircleMember>>> rounds) {
        var settings = schedule.getSettings();
        MeetingHistory history = schedule.getHistory();
        Map<Long, Integer> firstRoundMet = new HashMap<>();
        List<CircleExplanation> explanations = new ArrayList<>();
        for (int r = 0; r < rounds.size(); r++) {
            Map<Long, Integer> metThisRound = new HashMap<>();
            for (int c = 0; c < rounds.get(r).size(); c++) {
                List<CircleMember> members = rounds.get(r).get(c);
                List<String> notes = new ArrayList<>();
                notes.add(departmentNote(members, settings.sameDepartmentPairWeight()));
                int spread = CircleRules.timezoneSpreadHours(members);
                if (spread > 0) {
                    notes.add("spans " + spread + " h of time zones (" + offsetRange(members) + ", −"
                            + spread * settings.timezoneSpreadPerHourWeight() + ")");
                } else {
                    notes.add("all in one time-zone hour");
                }
                if (settings.seniorLevel() != null) {
                    int top = members.stream().mapToInt(m -> m.profile().level()).max().orElse(0);
                    notes.add(CircleRules.lacksSenior(members, settings)
                            ? "no senior colleague (level " + settings.seniorLevel() + "+, −"
                                    + settings.groupWithoutSeniorWeight() + ")"
                            : "includes a senior colleague (level " + top + ")");
                }
                if (members.stream().anyMatch(m -> m.freeUtcHours() != null)) {
                    int unavailable = CircleRules.unavailableMembers(members);
                    notes.add(unavailable == 0 ? "everyone can make the meeting hour"
                            : unavailable + " cannot make the meeting hour (−"
                                    + unavailable * settings.unavailableMemberWeight() + ")");
                }
                int repeats = 0;
                for (int i = 0; i < members.size(); i++) {
                    for (int j = i + 1; j < members.size(); j++) {
                        CircleMember a = members.get(i);
                        CircleMember b = members.get(j);
                        long key = MeetingHistory.pairKey(a.index(), b.index());
                        Integer earlier = firstRoundMet.get(key);
                        if (earlier != null) {
                            repeats++;
                            notes.add(name(a) + " and " + name(b) + " met in round " + (earlier + 1) + " (repeat)");
                        } else if (history.met(key)) {
                            repeats++;
                            notes.add(name(a) + " and " + name(b) + " met in an earlier programme (repeat)");
                        }
                        metThisRound.putIfAbsent(key, r);
                    }
                }
                explanations.add(new CircleExplanation(r + 1, c + 1, members.stream().map(CircleMember::id).toList(),
                        CircleRules.softPenalty(members, settings), repeats, notes));
            }
            metThisRound.forEach(firstRoundMet::putIfAbsent);
        }
        return explanations;
    }

    private static String departmentNote(List<CircleMember> members, int weight) {
        Set<String> departments = new LinkedHashSet<>();
        members.forEach(m -> departments.add(m.department() == null ? "(none)" : m.department()));
        int pairs = CircleRules.sameDepartmentPairs(members);
        String note = departments.size() + (departments.size() == 1 ? " department" : " departments");
        return pairs == 0 ? note
                : note + ", " + pairs + " same-department pair" + (pairs == 1 ? "" : "s") + " (−" + pairs * weight + ")";
    }

    private static String offsetRange(List<CircleMember> members) {
        int min = members.stream().filter(CircleMember::offsetKnown)
                .mapToInt(m -> m.profile().utcOffsetMinutes()).min().orElse(0);
        int max = members.stream().filter(CircleMember::offsetKnown)
                .mapToInt(m -> m.profile().utcOffsetMinutes()).max().orElse(0);
        return "UTC" + offset(min) + " to UTC" + offset(max);
    }

    private static String offset(int minutes) {
        return String.format(java.util.Locale.ROOT, "%s%02d:%02d", minutes < 0 ? "−" : "+",
                Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    private static String name(CircleMember member) {
        String name = member.profile().name();
        return name == null || name.isBlank() ? member.id() : name;
    }
}
