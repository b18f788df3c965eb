package io.bridgeway.matching.circles.solver;

import java.util.List;
import java.util.Set;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.domain.Circle;
import io.bridgeway.matching.circles.domain.CircleMember;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.circles.domain.GroupSize;
import io.bridgeway.matching.circles.domain.KeptApart;
import io.bridgeway.matching.circles.domain.MeetingHistory;
import io.bridgeway.matching.circles.domain.Placement;

import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class CirclesConstraintProviderTest {

    private final ConstraintVerifier<CirclesConstraintProvider, CirclesSchedule> verifier =
            ConstraintVerifier.build(new CirclesConstraintProvider(), CirclesSchedule.class, Placement.class);

    private static final Circle R1G1 = Circle.of(0, 0);
    private static final Circle R1G2 = Circle.of(0, 1);
    private static final Circle R2G1 = Circle.of(1, 0);
    private static final Circle R3G1 = Circle.of(2, 0);

    private static CircleMember member(int index, String department, int level, int offset) {
        return new CircleMember(index, new PersonProfile("p" + index, "P" + index, department, level, null, null,
                offset, null, null, null), true);
    }

    private static Placement place(CircleMember member, Circle circle) {
        return new Placement(member, circle.round(), List.of(circle), circle);
    }

    @Test
    void groupSizeOutOfBounds() {
        CircleMember a = member(0, "A", 1, 0);
        CircleMember b = member(1, "B", 1, 0);
        CircleMember c = member(2, "C", 1, 0);
        verifier.verifyThat(CirclesConstraintProvider::groupSizeOutOfBounds)
                .given(new GroupSize(2, 2), place(a, R1G1), place(b, R1G1), place(c, R1G2))
                .penalizesBy(1); // the circle of one
        verifier.verifyThat(CirclesConstraintProvider::groupSizeOutOfBounds)
                .given(new GroupSize(2, 3), place(a, R1G1), place(b, R1G1), place(c, R1G1))
                .penalizesBy(0);
    }

    @Test
    void keptApartCountsEveryRoundAPairSharesACircle() {
        CircleMember a = member(0, "A", 1, 0);
        CircleMember b = member(1, "B", 1, 0);
        CircleMember c = member(2, "C", 1, 0);
        KeptApart apart = new KeptApart(Set.of(MeetingHistory.pairKey(1, 0)));
        verifier.verifyThat(CirclesConstraintProvider::keptApart)
                .given(apart, place(a, R1G1), place(b, R1G1), place(c, R1G1), place(a, R2G1), place(b, R2G1))
                .penalizesBy(2);
        verifier.verifyThat(CirclesConstraintProvider::keptApart)
                .given(apart, place(a, R1G1), place(c, R1G1), place(b, R1G2))
                .penalizesBy(0);
        verifier.verifyThat(CirclesConstraintProvider::keptApart)
                .given(KeptApart.none(), place(a, R1G1), place(b, R1G1))
                .penalizesBy(0);
    }

    @Test
    void repeatedPairsCountEveryMeetingAfterTheFirst() {
        CircleMember a = member(0, "A", 1, 0);
        CircleMember b = member(1, "B", 1, 0);
        // a and b meet in rounds 1, 2 and 3: the 2nd and 3rd meetings are repeats (MODEL.md)
        verifier.verifyThat(CirclesConstraintProvider::repeatedPairs)
                .given(MeetingHistory.empty(), place(a, R1G1), place(b, R1G1), place(a, R2G1), place(b, R2G1),
                        place(a, R3G1), place(b, R3G1))
                .penalizesBy(2);
        // met before the programme: the first meeting is already a repeat
        verifier.verifyThat(CirclesConstraintProvider::repeatedPairs)
                .given(new MeetingHistory(Set.of(MeetingHistory.pairKey(0, 1))), place(a, R1G1), place(b, R1G1))
                .penalizesBy(1);
        verifier.verifyThat(CirclesConstraintProvider::repeatedPairs)
                .given(MeetingHistory.empty(), place(a, R1G1), place(b, R1G1))
                .penalizesBy(0);
    }

    @Test
    void sameDepartmentPairs() {
        CirclesSettings settings = CirclesSettings.defaults();
        verifier.verifyThat(CirclesConstraintProvider::sameDepartmentPairs)
                .given(settings, place(member(0, "Eng", 1, 0), R1G1), place(member(1, "Eng", 1, 0), R1G1),
                        place(member(2, "Eng", 1, 0), R1G1), place(member(3, "Sales", 1, 0), R1G1),
                        place(member(4, null, 1, 0), R1G1), place(member(5, null, 1, 0), R1G1))
                .penalizesBy(30); // 3 Eng pairs; people without a department never pair up
    }

    @Test
    void timezoneSpread() {
        CirclesSettings settings = CirclesSettings.defaults();
        CircleMember unknownOffset = new CircleMember(3, new PersonProfile("p3", null, null, 0, null, null, 600,
                null, null, null), false);
        verifier.verifyThat(CirclesConstraintProvider::timezoneSpread)
                .given(settings, place(member(0, "A", 1, -300), R1G1), place(member(1, "B", 1, 330), R1G1),
                        place(member(2, "C", 1, 0), R1G1), place(unknownOffset, R1G1))
                .penalizesBy(3 * 10); // 630 minutes -> 10 whole hours; the unknown offset is ignored
    }

    private static CircleMember freeAt(int index, Integer... utcHours) {
        return new CircleMember(index, new PersonProfile("p" + index, "P" + index, null, 1, null, null, 0, null,
                null, null), true, Set.of(utcHours));
    }

    @Test
    void membersWhoCannotMakeTheBestCommonHour() {
        CirclesSettings settings = CirclesSettings.defaults();
        CircleMember alwaysFree = member(9, null, 1, 0); // no free hours given: free at every hour
        // best common hour is 10 (three free then): the one free only at 40 cannot make it
        verifier.verifyThat(CirclesConstraintProvider::membersWhoCannotMakeTheHour)
                .given(settings, place(freeAt(0, 10, 11), R1G1), place(freeAt(1, 10), R1G1),
                        place(freeAt(2, 40), R1G1), place(alwaysFree, R1G1))
                .penalizesBy(40);
        // two circles, each with a common hour: nothing
        verifier.verifyThat(CirclesConstraintProvider::membersWhoCannotMakeTheHour)
                .given(settings, place(freeAt(0, 10), R1G1), place(freeAt(1, 10, 40), R1G1),
                        place(freeAt(2, 40), R1G2), place(freeAt(3, 40, 167), R1G2))
                .penalizesBy(0);
        // no hour suits two of three (each free at a different hour), weight from the settings
        verifier.verifyThat(CirclesConstraintProvider::membersWhoCannotMakeTheHour)
                .given(new CirclesSettings(10, 3, 20, null, 7), place(freeAt(0, 1), R1G1),
                        place(freeAt(1, 2), R1G1), place(freeAt(2, 3), R1G1))
                .penalizesBy(2 * 7);
        // nobody's free hours given: the rule does not apply
        verifier.verifyThat(CirclesConstraintProvider::membersWhoCannotMakeTheHour)
                .given(settings, place(member(0, "A", 1, 0), R1G1), place(member(1, "B", 1, 0), R1G1))
                .penalizesBy(0);
    }

    @Test
    void circleWithoutSenior() {
        CircleMember junior = member(0, "A", 2, 0);
        CircleMember senior = member(1, "B", 6, 0);
        verifier.verifyThat(CirclesConstraintProvider::circleWithoutSenior)
                .given(CirclesSettings.withSeniorLevel(5), place(junior, R1G1), place(senior, R1G2),
                        place(member(2, "C", 3, 0), R1G1))
                .penalizesBy(20);
        verifier.verifyThat(CirclesConstraintProvider::circleWithoutSenior)
                .given(CirclesSettings.defaults(), place(junior, R1G1))
                .penalizesBy(0); // no seniorLevel set: rule off
    }
}
