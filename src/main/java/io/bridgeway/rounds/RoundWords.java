package io.bridgeway.rounds;

import java.text.NumberFormat;
import java.util.Locale;

/** The web layer's words for what the round services did: the flash on the pages, the message in the API. */
final class RoundWords {

    static final String STARTED = "Matching round started.";
    static final String SOLVING_AGAIN = "Solving again: pinned pairs stay, everything else is re-optimised.";
    static final String STOPPING = "Stopping: the best solution found so far will be kept.";
    static final String DISCARDED = "Round discarded. Nobody was notified.";

    private RoundWords() {
    }

    static String published(boolean now) {
        return now ? "Round published: participants are notified."
                : "This round was already published; nothing was sent again.";
    }

    static String pairChange(PairEdits.PairChange change) {
        String pair = change.mentor() + " → " + change.mentee();
        String what = switch (change.kind()) {
            case PINNED -> "Pinned " + pair + ": solving again keeps this pair.";
            case UNPINNED -> "Unpinned " + pair + ": solving again may change this pair.";
            case UNPAIRED -> "Unpaired " + pair + ".";
            case FORCED -> "Paired " + pair + " (pinned)"
                    + (change.replaced() == null ? "." : ", replacing " + change.replaced() + ".");
        };
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        long d = change.impact();
        return what + " Score impact: " + (d > 0 ? "+" : d < 0 ? "−" : "±") + n.format(Math.abs(d))
                + " (objective " + n.format(change.objectiveBefore()) + " → " + n.format(change.objectiveAfter()) + ").";
    }

    static String circleMove(CircleEdits.CircleMove move) {
        long soft = move.penaltyAfter() - move.penaltyBefore();
        return (move.fromCircle() == 0 ? "Seated " + move.person() + " in circle " + move.toCircle()
                : "Moved " + move.person() + " from circle " + move.fromCircle() + " to circle " + move.toCircle())
                + " (pinned). Score impact: repeats " + move.repeatsBefore() + " → " + move.repeatsAfter()
                + ", circle penalty " + move.penaltyBefore() + " → " + move.penaltyAfter() + " ("
                + (soft > 0 ? "+" + soft + ", worse" : soft < 0 ? soft + ", better" : "±0") + ").";
    }
}
