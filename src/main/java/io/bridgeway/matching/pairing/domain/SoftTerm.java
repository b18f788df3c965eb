package io.bridgeway.matching.pairing.domain;

/**
 * The soft terms of w(m, e) of MODEL.md, one constraint each. {@link PairRules} computes and words them,
 * so a constraint match and the explanation of a pair always show the same number and sentence.
 */
public enum SoftTerm {
    GOAL_FIT("Goal fit", true),
    CROSS_DEPARTMENT("Cross-department bonus", true),
    TIME_ZONE_DISTANCE("Time-zone distance", false),
    LEVEL_GAP_OVER_3("Level gap over 3", false),
    PREVIOUS_PAIR("Previous pair", false),
    CONTINUED_PAIR("Continued pair", true),
    NO_COMMON_FREE_HOUR("No common free hour", false);

    private final String constraintName;
    private final boolean reward;

    SoftTerm(String constraintName, boolean reward) {
        this.constraintName = constraintName;
        this.reward = reward;
    }

    public String constraintName() {
        return constraintName;
    }

    /** True when the term adds to a pair's weight, false when it is a penalty. */
    public boolean isReward() {
        return reward;
    }

    /** The term's share of w(m, e): its amount (0 or more), with the sign of a reward or a penalty. */
    public long signed(long amount) {
        return reward ? amount : -amount;
    }
}
