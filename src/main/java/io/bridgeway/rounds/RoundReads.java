package io.bridgeway.rounds;

import io.bridgeway.people.Person;
import io.bridgeway.web.Paged;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.Transactions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Read models of a round for the pages and the API, built inside one transaction so that rendering
 * and serialising touch no entity.
 */
@ApplicationScoped
public class RoundReads {

    @Inject
    StoredProgress progress;

    /** What the round page shows: one page of pairs, of unmatched mentees and of one meeting's circles. */
    public record PageRequest(String query, int pairPage, int unmatchedPage, int meeting, int circlePage,
            boolean pinnedOnly) {

        public static final PageRequest FIRST = new PageRequest(null, 0, 0, 0, 0, false);
    }

    @Transactional
    public RoundView view(long id, PageRequest request) {
        Transactions.readOnly();
        return RoundView.of(Rounds.round(id), progress.of(id), request.query(), request.pairPage(),
                request.unmatchedPage(), request.meeting(), request.circlePage(), request.pinnedOnly());
    }

    @Transactional
    public RoundComparison comparison(long id) {
        Transactions.readOnly();
        return RoundComparison.of(Rounds.round(id));
    }

    /** The round as JSON with one page of pairs ({@code size} rows, at most {@link Paged#MAX_API_SIZE}). */
    @Transactional
    public RoundJson json(long id, int page, int size) {
        Transactions.readOnly();
        Paged.apiSize(size);
        MatchingRound round = Rounds.round(id);
        RoundProgress.Snapshot snapshot = round.solveState.running() ? progress.of(id) : RoundProgress.Snapshot.NONE;
        Paged<RoundJson.PairJson> pairs = Paged.of(RoundPair.<RoundPair>find("round", Sort.by("id"), round), page, size,
                p -> new RoundJson.PairJson(p.id, RoundView.idOf(p.mentor), emailOrNull(p.mentor),
                        RoundView.idOf(p.mentee), emailOrNull(p.mentee), p.pinned, p.forced, p.value,
                        p.explanationLines()));
        List<RoundJson.UnmatchedJson> unmatched = RoundUnmatched.<RoundUnmatched>list("round", round).stream()
                .map(u -> new RoundJson.UnmatchedJson(RoundView.idOf(u.mentee), emailOrNull(u.mentee), u.reason, u.help))
                .toList();
        int smallestCircle = RoundProblems.smallestCircleSize(round);
        List<RoundJson.CircleJson> circles = RoundCircle.of(round).stream().map(c -> new RoundJson.CircleJson(c.id,
                c.meetingIndex, c.circleNumber, c.members.stream().map(RoundCircle.Member::personId).toList(),
                c.members.stream().filter(m -> m.pinned).map(RoundCircle.Member::personId).toList(),
                c.meetingUtcStart, c.meetingNote, c.explanationLines(), c.members.size() < smallestCircle)).toList();
        List<RoundJson.NotSeatedJson> notSeated = RoundNotSeated.of(round).stream().map(n -> new RoundJson.NotSeatedJson(
                n.meetingIndex, RoundView.idOf(n.person), emailOrNull(n.person), CircleLeaveOuts.REASON)).toList();
        return new RoundJson(round.id, round.program.id, round.number, round.status, round.solveState,
                round.solveMessage, round.score, round.objective, round.matchedCount, round.menteeCount, round.version,
                pairs.rows(), pairs.position(size), unmatched,
                round.circleRepeats, round.circleSoft, circles, notSeated, snapshot.phaseName(), progress(snapshot));
    }

    private static RoundJson.ProgressJson progress(RoundProgress.Snapshot snapshot) {
        if (snapshot.phase() == null) {
            return null;
        }
        RoundProgress.Point best = snapshot.phaseBest();
        return new RoundJson.ProgressJson(snapshot.phaseElapsedMs() / 1000.0,
                best == null ? null : best.score(),
                best == null || snapshot.phase() != RoundProgress.Phase.PAIRS ? null : best.matched(),
                best == null ? null : best.repeats(), best == null ? null : best.soft());
    }

    /** The round's status after an action, for the API's answer. */
    @Transactional
    public RoundJson.Done done(long id, String message) {
        MatchingRound round = Rounds.round(id);
        return new RoundJson.Done(round.id, round.status, round.solveState, message);
    }

    /** The id of the person with this email, for the forms that name people by email. */
    @Transactional
    public long personId(String email, String role, String field) {
        Person person = email == null || email.isBlank() ? null : Person.findByEmail(email);
        if (person == null) {
            throw new RuleViolationException("Enter the email of a " + role + " in this round"
                    + (email == null || email.isBlank() ? "." : ": nobody has the email " + email.strip() + "."), field);
        }
        return person.id;
    }

    private static String emailOrNull(Person person) {
        return person == null ? null : person.email;
    }
}
