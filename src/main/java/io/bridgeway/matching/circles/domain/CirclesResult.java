package io.bridgeway.matching.circles.domain;

import java.util.List;

/**
 * A solved circles programme: {@code rounds.get(r)} lists the circles of round r, each a list of person ids.
 * hard/repeats/soft are the three score levels (soft as a positive penalty, as in MODEL.md);
 * {@code unavailableMembers} counts the seats whose member cannot make their circle's best common hour.
 */
public record CirclesResult(List<List<List<String>>> rounds, List<MeetingBlock> meetingBlocks, String score,
        int hard, int repeats, int soft, int unavailableMembers, double seconds, List<CircleExplanation> explanations) {

    /** Valid and no repeated pair: the social-golfer sense of "solved". */
    public boolean solved() {
        return hard == 0 && repeats == 0;
    }
}
