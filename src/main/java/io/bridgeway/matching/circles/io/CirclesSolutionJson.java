package io.bridgeway.matching.circles.io;

import java.util.List;

import io.bridgeway.matching.circles.domain.CircleExplanation;
import io.bridgeway.matching.circles.domain.MeetingBlock;

/**
 * What the circles endpoint returns: MODEL.md's {@code rounds} (readable by check.py) plus meeting blocks,
 * the score, {@code unavailableMembers} (as check.py reports it) and the plain-words explanations.
 */
public record CirclesSolutionJson(List<List<List<String>>> rounds, List<MeetingBlock> meetingBlocks, String score,
        int hard, int repeats, int soft, int unavailableMembers, double seconds, List<CircleExplanation> explanations) {
}
