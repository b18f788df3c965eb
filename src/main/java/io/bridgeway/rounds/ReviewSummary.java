package io.bridgeway.rounds;

import io.bridgeway.people.Person;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review page in words for a programme manager: how supply meets demand and which goals go without a mentor,
 * and unmatched reasons that name people instead of the matching core's person ids.
 */
public record ReviewSummary(int mentees, int mentors, int places, int unmatched, int cannotBeMatched,
        List<GoalDemand> goalsWithoutMentor) {

    public record GoalDemand(String goal, int mentees, boolean offered) {
    }

    /** The solver core names a mentor by id ("worth 1015 with 195"); the page names the person. */
    private static final Pattern MENTOR_ID = Pattern.compile("(worth -?\\d+ with )(\\d+)");

    public static ReviewSummary of(MatchingRound round) {
        int mentees = 0;
        int mentors = 0;
        int places = 0;
        Set<String> offered = new HashSet<>();
        Map<Long, Set<String>> goalsOf = new HashMap<>();
        for (RoundParticipant.Row participant : RoundParticipant.rowsOf(round)) {
            var profile = ParticipantSnapshot.fromJson(participant.profileJson()).profile();
            if (participant.asMentor()) {
                mentors++;
                places += participant.mentorCapacity();
                offered.addAll(profile.skills().keySet());
            }
            if (participant.asMentee()) {
                mentees++;
                goalsOf.put(participant.personId(), profile.goals());
            }
        }
        List<RoundUnmatched> left = RoundUnmatched.list("round", round);
        Map<String, Integer> demand = new TreeMap<>();
        for (RoundUnmatched u : left) {
            if (u.mentee != null) {
                goalsOf.getOrDefault(u.mentee.id, Set.of()).forEach(goal -> demand.merge(goal, 1, Integer::sum));
            }
        }
        List<GoalDemand> top = demand.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> new GoalDemand(e.getKey(), e.getValue(), offered.contains(e.getKey()))).toList();
        return new ReviewSummary(mentees, mentors, places, left.size(), Math.max(0, mentees - places), top);
    }

    public boolean mentoring() {
        return mentees > 0 || mentors > 0;
    }

    /** {@code reasons} with every mentor id replaced by the person's name, loaded in one query. */
    static Map<String, String> named(Collection<String> reasons) {
        Set<Long> ids = new HashSet<>();
        for (String reason : reasons) {
            Matcher m = MENTOR_ID.matcher(reason == null ? "" : reason);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(2)));
            }
        }
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            Person.<Person>list("id in ?1", ids).forEach(p -> names.put(p.id, p.fullName));
        }
        Map<String, String> named = new HashMap<>();
        for (String reason : reasons) {
            if (reason != null) {
                named.put(reason, MENTOR_ID.matcher(reason).replaceAll(m -> Matcher.quoteReplacement(
                        m.group(1) + names.getOrDefault(Long.parseLong(m.group(2)), RoundView.nameOf(null)))));
            }
        }
        return named;
    }
}
