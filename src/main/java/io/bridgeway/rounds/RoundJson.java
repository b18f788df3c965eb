package io.bridgeway.rounds;

import io.bridgeway.web.Paged;
import java.util.List;

/**
 * A round as the JSON API shows it. {@code pairs} is one page (see {@code pairPage}); person ids and
 * emails are null where the person's account was deleted (a former employee). While the round solves,
 * {@code phase} names the running phase ("pairs", then "circles") and {@code progress} gives its elapsed time and
 * best figures; both are null otherwise.
 */
public record RoundJson(long id, long programId, int number, RoundStatus status, SolveState solveState,
        String solveMessage, String score, Long objective, int matched, int mentees, long version, List<PairJson> pairs,
        Paged.PageJson pairPage, List<UnmatchedJson> unmatched, Integer circleRepeats, Long circleSoft,
        List<CircleJson> circles, List<NotSeatedJson> notSeated, String phase, ProgressJson progress) {

    /** The running phase's figures; repeats and soft are known once the circles phase reports a best solution. */
    public record ProgressJson(double phaseSeconds, String score, Integer matched, Integer repeats,
            Long soft) {
    }

    public record PairJson(long id, Long mentorId, String mentorEmail, Long menteeId, String menteeEmail,
            boolean pinned, boolean forced, long value, List<String> explanation) {
    }

    public record UnmatchedJson(Long menteeId, String menteeEmail, String reason, String help) {
    }

    /**
     * A circle at one meeting (from 0); members are person ids. {@code belowSmallestSize}: fewer members than the
     * round's smallest circle size (the programme's, or less where the headcount needs it), e.g. after leave-outs.
     */
    public record CircleJson(long id, int meeting, int circle, List<Long> members, List<Long> pinned,
            String meetingUtcStart, String meetingNote, List<String> explanation, boolean belowSmallestSize) {
    }

    /** A circle member a meeting (from 0) left out, with the only reason managers are given. */
    public record NotSeatedJson(int meeting, Long personId, String personEmail, String reason) {
    }

    /** Bodies of the API's actions. */
    public record ForcePair(Long mentorId, Long menteeId, Long version) {
    }

    public record MoveMember(Long personId, Integer meeting, Integer circle, Long version) {
    }

    /** The answer to an action: what it did in words, and the round's state after it. */
    public record Done(long id, RoundStatus status, SolveState solveState, String message) {
    }

    public record Published(long id, RoundStatus status, boolean publishedNow, String message) {
    }

    /** A pair edit: its words and how it moved the MODEL.md objective. */
    public record PairChangeJson(String message, long objectiveBefore, long objectiveAfter, long impact) {
    }

    public record CircleMoveJson(String message, int repeatsBefore, int repeatsAfter, long penaltyBefore,
            long penaltyAfter) {
    }
}
