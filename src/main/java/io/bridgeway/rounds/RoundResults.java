package io.bridgeway.rounds;

import io.bridgeway.data.Columns;
import io.bridgeway.matching.circles.domain.CircleExplanation;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesResult;
import io.bridgeway.matching.circles.domain.MeetingBlock;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.solver.PairingResult;
import io.bridgeway.people.Person;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactions around a solve: loading a round's problem, and writing the solver's result back.
 * Solver callbacks run on solver threads, so every method here opens its own transaction.
 */
@ApplicationScoped
public class RoundResults {

    @Inject
    EntityManager em;

    @Inject
    PairingFeedback feedback;

    @Inject
    KeptApart keptApart;

    @Inject
    RoundJobs jobs;

    /** What a round's solve has to do. */
    public record Work(boolean pairs, boolean circles) {

        static Work of(MatchingRound round) {
            return new Work(round.menteeCount > 0 && round.program.type.pairs(),
                    round.circleMemberCount > 0 && round.program.type.circles());
        }
    }

    @Transactional
    public Work work(long roundId) {
        return Work.of(MatchingRound.findById(roundId));
    }

    /**
     * The round's pairing problem. A manager's pin that a hard rule forbids by now (someone listed the other, or
     * rated them low, after it was pinned) is released: it is no longer pinned, so this solve replaces it.
     */
    @Transactional
    public PairingProblem loadPairingProblem(long roundId) {
        MatchingRound round = MatchingRound.findById(roundId);
        List<RoundParticipant> participants = RoundParticipant.of(round);
        List<List<String>> apart = keptApart.among(participants);
        List<PairingProblem.PinnedPair> pins = new ArrayList<>();
        int released = 0;
        for (RoundPair pair : RoundPair.<RoundPair>list("round = ?1 and pinned = true", round)) {
            if (pair.mentor == null || pair.mentee == null) {
                continue;
            }
            if (KeptApart.includes(apart, pair.mentor.id, pair.mentee.id)) {
                pair.pinned = false;
                released++;
            } else {
                pins.add(new PairingProblem.PinnedPair(String.valueOf(pair.mentee.id), String.valueOf(pair.mentor.id)));
            }
        }
        logReleased(round, released, "pin");
        pins.addAll(feedback.continuingPairs(round, apart));
        return RoundProblems.pairing(round, participants, history(round), pins, apart);
    }

    /** Pins a hard rule now forbids, released for this solve; no names: the reason is confidential. */
    private static void logReleased(MatchingRound round, int released, String what) {
        if (released > 0) {
            Log.infof("round %d: %d %s%s released by a hard rule", round.id, released, what, released == 1 ? "" : "s");
        }
    }

    /** Pairs of the programme's earlier published rounds; 1 round ago = the previous round. */
    static List<PairingProblem.PreviousPair> history(MatchingRound round) {
        List<PairingProblem.PreviousPair> history = new ArrayList<>();
        List<RoundPair> earlier = RoundPair.list("round.program = ?1 and round.status = ?2 and round.number < ?3",
                round.program, RoundStatus.PUBLISHED, round.number);
        for (RoundPair pair : earlier) {
            if (pair.mentor == null || pair.mentee == null) {
                continue; // a former employee
            }
            history.add(new PairingProblem.PreviousPair(String.valueOf(pair.mentor.id), String.valueOf(pair.mentee.id),
                    round.number - pair.round.number));
        }
        return history;
    }

    /** A person a manager placed in a circle: solving again keeps them there. Indexes from 0. */
    public record CirclePin(String personId, int meetingIndex, int circleIndex) {
    }

    /** @param crossTies cross-department ties of the circle members from the programme's published rounds */
    public record CirclesInput(CirclesProblem problem, List<CirclePin> pins, CrossTies crossTies) {
    }

    /**
     * The round's circles problem. A manager's placement that a hard rule forbids by now (its circle holds
     * someone the person is kept apart from, listed or rated low after it was pinned) is released, as for pairs.
     */
    @Transactional
    public CirclesInput loadCirclesProblem(long roundId) {
        MatchingRound round = MatchingRound.findById(roundId);
        List<RoundParticipant> participants = RoundParticipant.of(round);
        List<List<String>> apart = keptApart.among(participants);
        List<CirclePin> pins = new ArrayList<>();
        int released = 0;
        for (RoundCircle circle : RoundCircle.of(round)) {
            for (RoundCircle.Member member : circle.members) {
                if (!member.pinned || member.person == null) {
                    continue;
                }
                if (circle.members.stream().anyMatch(other -> other.person != null
                        && KeptApart.includes(apart, member.person.id, other.person.id))) {
                    member.pinned = false;
                    released++;
                } else {
                    pins.add(new CirclePin(String.valueOf(member.person.id), circle.meetingIndex, circle.circleNumber - 1));
                }
            }
        }
        logReleased(round, released, "circle place");
        List<List<String>> circleHistory = circleHistory(round);
        return new CirclesInput(RoundProblems.circles(round, participants, circleHistory, apart), pins,
                crossTies(participants, history(round), circleHistory));
    }

    /** Who met whom across departments in earlier published rounds (pairs and circles), by today's departments. */
    static CrossTies crossTies(List<RoundParticipant> participants, List<PairingProblem.PreviousPair> pairs,
            List<List<String>> circles) {
        Map<String, String> departments = new HashMap<>();
        for (RoundParticipant p : participants) {
            var profile = ParticipantSnapshot.fromJson(p.profileJson).profile();
            departments.put(profile.id(), profile.department());
        }
        CrossTies ties = new CrossTies(departments);
        pairs.forEach(pair -> ties.met(List.of(pair.mentorId(), pair.menteeId())));
        circles.forEach(ties::met);
        return ties;
    }

    /** Circles of the programme's earlier published rounds, as lists of person ids. */
    static List<List<String>> circleHistory(MatchingRound round) {
        List<RoundCircle> earlier = RoundCircle.list("round.program = ?1 and round.status = ?2 and round.number < ?3",
                round.program, RoundStatus.PUBLISHED, round.number);
        return earlier.stream()
                .map(c -> c.members.stream().filter(m -> m.person != null)
                        .map(m -> String.valueOf(m.person.id)).toList())
                .toList();
    }

    /** Stores a circle's meeting hour, who cannot make it, and its explanation (after a solve or a move). */
    static void describe(RoundCircle circle, MeetingBlock block, CircleExplanation explanation,
            java.util.function.Function<String, String> nameOf) {
        if (block != null && block.utcMinuteOfWeek() >= 0) {
            circle.meetingMinute = block.utcMinuteOfWeek();
            circle.meetingUtcStart = block.utcStart();
            circle.meetingNote = block.cannotAttend().isEmpty() ? null
                    : cannotMakeTheHour(circle.members.size(), block.cannotAttend().stream().map(nameOf).toList());
        } else {
            circle.meetingMinute = null;
            circle.meetingUtcStart = null;
            circle.meetingNote = "No weekly hour suits the members; agree a time together.";
        }
        circle.explanation = explanation == null ? null : RoundPair.joinExplanation(explanation.notes());
    }

    /** Length of {@code round_circle.meeting_note} (V4). */
    static final int NOTE_LENGTH = 1000;

    /**
     * "2 of 12 cannot make this hour: A, B", cut to the column between names ("… and 5 more"), never inside one:
     * a deletion later replaces whole names in it.
     */
    static String cannotMakeTheHour(int members, List<String> names) {
        String head = names.size() + " of " + members + " cannot make this hour";
        int length = head.length() + 2;
        int shown = 0;
        for (String name : names) {
            int rest = names.size() - shown - 1;
            int added = (shown == 0 ? 0 : 2) + name.length() + (rest == 0 ? 0 : (" and " + rest + " more").length());
            if (length + added > NOTE_LENGTH) {
                break;
            }
            length += (shown == 0 ? 0 : 2) + name.length();
            shown++;
        }
        if (shown == 0) {
            return head + ".";
        }
        int hidden = names.size() - shown;
        return head + ": " + String.join(", ", names.subList(0, shown)) + (hidden == 0 ? "" : " and " + hidden + " more");
    }

    /** A note that grew (a short name replaced by "Former employee"), cut to the column. */
    static String fitNote(String note) {
        return Columns.fit(note, NOTE_LENGTH);
    }

    /**
     * Replaces the round's circles with the result, keeping the managers' pins, and notes who each meeting left
     * out (see {@link CircleLeaveOuts}).
     */
    @Transactional
    public void saveCircles(long roundId, String claim, CircleLeaveOuts.Seated seated, List<CirclePin> pins,
            boolean stopped) {
        MatchingRound round = MatchingRound.findById(roundId);
        if (!savable(round, claim)) {
            return;
        }
        CirclesResult result = seated.result();
        RoundCircle.delete("round = ?1", round);
        RoundNotSeated.delete("round = ?1", round);
        em.flush();
        Map<String, MeetingBlock> blocks = new HashMap<>();
        result.meetingBlocks().forEach(b -> blocks.put(b.round() + "/" + b.circle(), b));
        Map<String, CircleExplanation> explanations = new HashMap<>();
        result.explanations().forEach(e -> explanations.put(e.round() + "/" + e.circle(), e));
        Map<String, Person> people = new HashMap<>(); // references: the note's names load them in batches
        java.util.Set<String> pinned = new java.util.HashSet<>();
        pins.forEach(p -> pinned.add(p.personId() + "@" + p.meetingIndex()));
        java.util.Set<String> present = stillPresent(result.rounds().stream().flatMap(List::stream)
                .flatMap(List::stream).toList());
        for (int r = 0; r < result.rounds().size(); r++) {
            List<List<String>> circles = result.rounds().get(r);
            for (int c = 0; c < circles.size(); c++) {
                RoundCircle circle = new RoundCircle();
                circle.round = round;
                circle.meetingIndex = r;
                circle.circleNumber = c + 1;
                for (String id : circles.get(c)) {
                    if (!present.contains(id)) {
                        continue; // deleted during the solve: their place stays empty
                    }
                    circle.members.add(new RoundCircle.Member(people.computeIfAbsent(id, this::person),
                            pinned.contains(id + "@" + r)));
                }
                describe(circle, blocks.get((r + 1) + "/" + (c + 1)), explanations.get((r + 1) + "/" + (c + 1)),
                        id -> people.computeIfAbsent(id, this::person).fullName);
                circle.persist();
            }
        }
        for (int r = 0; r < seated.leftOut().size(); r++) {
            for (String id : seated.leftOut().get(r)) {
                RoundNotSeated notSeated = new RoundNotSeated();
                notSeated.round = round;
                notSeated.meetingIndex = r;
                notSeated.person = people.computeIfAbsent(id, this::person);
                notSeated.persist();
            }
        }
        round.circleRepeats = result.repeats();
        round.circleSoft = (long) result.soft();
        // this solve's pairs wrote their part just before; otherwise the score is the last solve's, replaced whole
        round.score = (Work.of(round).pairs() && round.score != null ? round.score + " · " : "") + "circles " + result.score();
        finish(round, stopped ? SolveState.STOPPED : SolveState.SOLVED,
                stopped ? "Stopped early; the best solution found so far is shown." : null);
    }

    /** Replaces the solver-made pairs of a draft with the result; pinned pairs were kept by the solver. */
    @Transactional
    public void savePairing(long roundId, String claim, PairingResult result, boolean stopped, boolean circlesFollow) {
        MatchingRound round = MatchingRound.findById(roundId);
        if (!savable(round, claim)) {
            return;
        }
        RoundPair.delete("round = ?1 and pinned = false", round);
        RoundUnmatched.delete("round = ?1", round);
        em.flush();
        java.util.Set<String> pinnedByManager = new java.util.HashSet<>(); // continuity pins (feedback) are not stored
        RoundPair.<RoundPair>list("round", round).stream().filter(p -> p.mentee != null)
                .forEach(p -> pinnedByManager.add(String.valueOf(p.mentee.id)));
        java.util.Set<String> present = stillPresent(java.util.stream.Stream.concat(result.pairs().stream()
                .flatMap(p -> java.util.stream.Stream.of(p.mentorId(), p.menteeId())),
                result.unmatched().stream().map(PairingResult.UnmatchedMentee::menteeId)).toList());
        int matched = 0;
        int mentees = 0;
        for (PairingResult.MatchedPair pair : result.pairs()) {
            mentees += present.contains(pair.menteeId()) ? 1 : 0;
            if (!present.contains(pair.menteeId()) || !present.contains(pair.mentorId())) {
                if (present.contains(pair.menteeId())) { // the mentor was deleted during the solve
                    unmatched(round, pair.menteeId(), DraftLeavers.MENTOR_LEFT, null);
                }
                continue;
            }
            matched++;
            if (pair.pinned() && pinnedByManager.contains(pair.menteeId())) {
                continue; // stored already, unchanged
            }
            RoundPair stored = new RoundPair();
            stored.round = round;
            stored.mentor = person(pair.mentorId());
            stored.mentee = person(pair.menteeId());
            stored.value = pair.value();
            stored.explanation = RoundPair.joinExplanation(pair.explanation());
            stored.persist();
        }
        Map<String, Boolean> eligible = new HashMap<>();
        for (PairingResult.UnmatchedMentee unmatched : result.unmatched()) {
            if (present.contains(unmatched.menteeId())) {
                mentees++;
                unmatched(round, unmatched.menteeId(), unmatched.reason(), unmatched.help());
                eligible.put(unmatched.menteeId(), unmatched.eligible());
            }
        }
        for (RoundParticipant participant : RoundParticipant.of(round)) {
            if (participant.asMentee) { // the waiting policy counts only rounds with an allowed mentor
                participant.hadAllowedMentor = eligible.getOrDefault(String.valueOf(participant.person.id), true);
            }
        }
        round.score = "pairs " + result.score();
        round.objective = result.objective();
        round.matchedCount = matched;
        round.menteeCount = mentees;
        if (!circlesFollow) {
            finish(round, stopped ? SolveState.STOPPED : SolveState.SOLVED,
                    stopped ? "Stopped early; the best solution found so far is shown." : null);
        }
    }

    @Transactional
    public void finished(long roundId, String claim, SolveState state, String message) {
        MatchingRound round = MatchingRound.findById(roundId);
        if (savable(round, claim)) {
            finish(round, state, message);
        }
    }

    /**
     * A solve's result is kept while the round is a draft (one discarded while solving keeps its state) and
     * the solve (its claim) still holds the round (a node that stalled past its lease finds the round taken
     * over, or solving again).
     */
    private boolean savable(MatchingRound round, String claim) {
        if (round == null || !round.draft()) {
            return false;
        }
        if (!jobs.holds(round.id, claim)) {
            Log.warnf("This solve no longer holds round %d (taken over, solving again, or interrupted at shutdown): "
                    + "its result is not saved", round.id);
            return false;
        }
        return true;
    }

    private static void finish(MatchingRound round, SolveState state, String message) {
        round.solveState = state;
        round.solveEndedAt = Instant.now();
        round.solveMessage = message == null ? null : message.length() > 1000 ? message.substring(0, 999) : message;
    }

    /** The node solving the round stopped or is shutting down (see RoundJobs): the round can be solved again. */
    @Transactional
    void interrupted(long roundId, String why) {
        MatchingRound round = MatchingRound.findById(roundId);
        if (round != null && round.solveState.running()) {
            finish(round, SolveState.INTERRUPTED, why);
        }
    }

    private void unmatched(MatchingRound round, String menteeId, String reason, String help) {
        RoundUnmatched stored = new RoundUnmatched();
        stored.round = round;
        stored.mentee = person(menteeId);
        stored.reason = reason;
        stored.help = help;
        stored.persist();
    }

    private Person person(String id) {
        return em.getReference(Person.class, Long.valueOf(id));
    }

    /**
     * Of these person ids, those whose account still exists. One deleted during the solve is not saved: a
     * reference to their row failed the whole save (and the round) on the foreign key.
     */
    private java.util.Set<String> stillPresent(List<String> ids) {
        List<Long> distinct = ids.stream().map(Long::valueOf).distinct().toList();
        java.util.Set<String> present = new java.util.HashSet<>();
        for (int from = 0; from < distinct.size(); from += PRESENT_BATCH) { // bounded: PostgreSQL caps bind parameters
            em.createQuery("select p.id from Person p where p.id in :ids", Long.class)
                    .setParameter("ids", distinct.subList(from, Math.min(from + PRESENT_BATCH, distinct.size())))
                    .getResultList().forEach(id -> present.add(String.valueOf(id)));
        }
        return present;
    }

    private static final int PRESENT_BATCH = 1000;
}
