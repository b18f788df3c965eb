package io.bridgeway.rounds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A draft compared with the programme's previous published round: new and repeated pairs, and who changed. */
public record RoundComparison(Integer previousNumber, List<String> newPairs, List<String> repeatedPairs,
        List<String> changedMentor, List<String> noLongerMatched) {

    public boolean hasPrevious() {
        return previousNumber != null;
    }

    public static RoundComparison of(MatchingRound round) {
        MatchingRound previous = MatchingRound.find("program = ?1 and status = ?2 and number < ?3 order by number desc",
                round.program, RoundStatus.PUBLISHED, round.number).firstResult();
        if (previous == null) {
            return new RoundComparison(null, List.of(), List.of(), List.of(), List.of());
        }
        Map<Long, RoundPair> before = byMentee(RoundPair.of(previous));
        Map<Long, RoundPair> now = byMentee(RoundPair.of(round));
        List<String> fresh = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        now.forEach((menteeId, pair) -> {
            RoundPair old = before.get(menteeId);
            String label = name(pair.mentor) + " → " + name(pair.mentee);
            if (old != null && old.mentor != null && old.mentor == pair.mentor) {
                repeated.add(label);
            } else {
                fresh.add(label);
                if (old != null) {
                    changed.add(name(pair.mentee) + ": " + name(old.mentor) + " → " + name(pair.mentor));
                }
            }
        });
        before.forEach((menteeId, old) -> {
            if (!now.containsKey(menteeId)) {
                gone.add(name(old.mentee) + " (was with " + name(old.mentor) + ")");
            }
        });
        fresh.sort(null);
        repeated.sort(null);
        changed.sort(null);
        gone.sort(null);
        return new RoundComparison(previous.number, fresh, repeated, changed, gone);
    }

    /** Pairs by mentee id; a former employee's pair (no mentee) is keyed by its own negative id. */
    private static Map<Long, RoundPair> byMentee(List<RoundPair> pairs) {
        Map<Long, RoundPair> map = new HashMap<>();
        pairs.forEach(p -> map.put(p.mentee == null ? -p.id : p.mentee.id, p));
        return map;
    }

    private static String name(io.bridgeway.people.Person person) {
        return RoundView.nameOf(person);
    }
}
