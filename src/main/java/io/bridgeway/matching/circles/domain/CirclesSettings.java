package io.bridgeway.matching.circles.domain;

/**
 * The circle rules as data. {@link #defaults()} is exactly the canonical model (shared/bench/MODEL.md).
 * A weight of 0 switches its rule off; {@code seniorLevel == null} switches the senior rule off.
 */
public record CirclesSettings(int sameDepartmentPairWeight, int timezoneSpreadPerHourWeight,
        int groupWithoutSeniorWeight, Integer seniorLevel, int unavailableMemberWeight) {

    /** The largest weight a rule may have, as in a programme's settings. */
    public static final int MAX_WEIGHT = 1000;

    /** MODEL.md's weight of a member who cannot make the circle's best common hour. */
    public static final int DEFAULT_UNAVAILABLE_MEMBER_WEIGHT = 40;

    public CirclesSettings {
        if (sameDepartmentPairWeight < 0 || timezoneSpreadPerHourWeight < 0 || groupWithoutSeniorWeight < 0
                || unavailableMemberWeight < 0) {
            throw new IllegalArgumentException("circle rule weights must be 0 or more");
        }
    }

    /** The rules with the canonical weight for members who cannot make the circle's hour. */
    public CirclesSettings(int sameDepartmentPairWeight, int timezoneSpreadPerHourWeight,
            int groupWithoutSeniorWeight, Integer seniorLevel) {
        this(sameDepartmentPairWeight, timezoneSpreadPerHourWeight, groupWithoutSeniorWeight, seniorLevel,
                DEFAULT_UNAVAILABLE_MEMBER_WEIGHT);
    }

    public static CirclesSettings defaults() {
        return new CirclesSettings(10, 3, 20, null);
    }

    public static CirclesSettings withSeniorLevel(Integer seniorLevel) {
        return new CirclesSettings(10, 3, 20, seniorLevel);
    }

    public boolean seniorRuleActive() {
        return seniorLevel != null && groupWithoutSeniorWeight > 0;
    }

    public boolean isSenior(CircleMember member) {
        return seniorLevel != null && member.profile().level() >= seniorLevel;
    }
}
