package io.bridgeway.rounds;

import io.bridgeway.people.DoNotPairLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pairs among a round's people that must never meet, whatever the reason: someone's confidential
 * do-not-pair list or a low rating. Both solvers get only the unordered pairs, never who asked or why.
 */
@ApplicationScoped
public class KeptApart {

    @Inject
    PairingFeedback feedback;

    /** Each pair once, as person ids; runs inside the caller's transaction. */
    public List<List<String>> among(List<RoundParticipant> participants) {
        List<Long> ids = participants.stream().filter(p -> p.person != null).map(p -> p.person.id).toList();
        Set<List<String>> pairs = new LinkedHashSet<>(DoNotPairLists.pairsAmong(ids));
        Set<String> idStrings = new LinkedHashSet<>();
        ids.forEach(id -> idStrings.add(String.valueOf(id)));
        feedback.exclusionsAmong(idStrings).forEach(x -> pairs.add(ordered(x.firstId(), x.secondId())));
        return new ArrayList<>(pairs);
    }

    /** Whether two people (ids) form one of the kept-apart {@code pairs}, whichever of them is named first. */
    public static boolean includes(Collection<List<String>> pairs, long a, long b) {
        String first = String.valueOf(a);
        String second = String.valueOf(b);
        return pairs.contains(List.of(first, second)) || pairs.contains(List.of(second, first));
    }

    private static List<String> ordered(String a, String b) {
        return Long.parseLong(a) <= Long.parseLong(b) ? List.of(a, b) : List.of(b, a);
    }
}
