package io.bridgeway.rounds;

import io.bridgeway.web.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What the review page needs besides the round's view: the capacity summary, anchors and confirm questions. */
@ApplicationScoped
public class ReviewReads {

    /** A question before an irreversible action, and what it will do. */
    public record Question(String title, String detail) {
    }

    @Transactional
    public ReviewSummary summary(long roundId) {
        Transactions.readOnly();
        return ReviewSummary.of(Rounds.round(roundId));
    }

    /** The anchor of the mentee's pair, after forcing it; the pairs section if there is none. */
    @Transactional
    public String pairAnchor(long roundId, long menteeId) {
        return RoundPair.<RoundPair>find("round.id = ?1 and mentee.id = ?2", roundId, menteeId).firstResultOptional()
                .map(p -> "pair-" + p.id).orElse("pairs");
    }

    /** The anchor of a circle of one meeting, after moving someone into it. */
    @Transactional
    public String circleAnchor(long roundId, int meeting, int circleNumber) {
        return RoundCircle.<RoundCircle>find("round.id = ?1 and meetingIndex = ?2 and circleNumber = ?3", roundId,
                meeting, circleNumber).firstResultOptional().map(c -> "circle-" + c.id).orElse("circles");
    }

    @Transactional
    public Question unpair(long roundId, long pairId) {
        RoundPair pair = Rounds.pair(roundId, pairId);
        return new Question("Unpair " + RoundView.nameOf(pair.mentor) + " and " + RoundView.nameOf(pair.mentee) + "?",
                RoundView.nameOf(pair.mentee) + " goes back to the unmatched list, and solving again will not pair"
                        + " them again.");
    }

    @Transactional
    public Question publish(long roundId, Long seenVersion) {
        MatchingRound round = Rounds.round(roundId);
        Rounds.seen(round, seenVersion); // say so before the manager confirms, not after
        DraftLeavers.refuseWhileAny(round);
        return new Question("Publish round " + round.number + "?", "Every participant gets an e-mail"
                + " with their mentor, mentees or circles now. This cannot be undone.");
    }

    @Transactional
    public Question discard(long roundId, Long seenVersion) {
        MatchingRound round = Rounds.round(roundId);
        if (round.status == RoundStatus.DRAFT) {
            Rounds.seen(round, seenVersion);
        }
        return new Question("Discard round " + round.number + "?", "The draft's pairs, pins and"
                + " circles are lost. Nobody is notified.");
    }
}
