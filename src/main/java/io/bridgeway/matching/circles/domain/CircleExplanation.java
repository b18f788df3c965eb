package io.bridgeway.matching.circles.domain;

import java.util.List;

/** Plain-words notes on one circle (round and circle numbered from 1), with its soft penalty and repeats. */
public record CircleExplanation(int round, int circle, List<String> memberIds, int softPenalty, int repeats,
        List<String> notes) {
}
