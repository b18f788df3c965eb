package io.bridgeway.programs;

import io.bridgeway.matching.circles.domain.CirclesSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A programme's peer-circle weights, stored in the programme row. Weights default to the canonical model
 * ({@link CirclesSettings#defaults()}); {@link #toSettings()} is the one mapping into the solver's settings.
 * How each value is edited, checked and sent as JSON is in {@link ProgramSettings}.
 */
@Embeddable
public class CircleRules {

    private static final CirclesSettings CANONICAL = CirclesSettings.defaults();

    @Column(name = "weight_same_department", nullable = false)
    public int weightSameDepartment = CANONICAL.sameDepartmentPairWeight();
    @Column(name = "weight_timezone_spread", nullable = false)
    public int weightTimezoneSpread = CANONICAL.timezoneSpreadPerHourWeight();
    @Column(name = "weight_group_without_senior", nullable = false)
    public int weightGroupWithoutSenior = CANONICAL.groupWithoutSeniorWeight();
    @Column(name = "weight_unavailable_member", nullable = false)
    public int weightUnavailableMember = CANONICAL.unavailableMemberWeight();
    /** MODEL.md leaves the senior rule off unless an instance sets a level; a programme sets 5. */
    @Column(name = "senior_level", nullable = false)
    public int seniorLevel = 5;

    public CirclesSettings toSettings() {
        return new CirclesSettings(weightSameDepartment, weightTimezoneSpread, weightGroupWithoutSenior, seniorLevel,
                weightUnavailableMember);
    }
}
