package io.bridgeway.matching.pairing.solver;

import io.bridgeway.matching.pairing.TinyInstance;
import io.bridgeway.matching.pairing.domain.CrossDepartment;
import io.bridgeway.matching.pairing.domain.MenteeAssignment;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** One ConstraintVerifier test (or a few) per constraint of {@link PairingConstraintProvider}. */
class PairingConstraintProviderTest {

    private final ConstraintVerifier<PairingConstraintProvider, PairingSolution> verifier = ConstraintVerifier.build(
            new PairingConstraintProvider(), PairingSolution.class, MenteeAssignment.class)
            .withConstraintStreamImplType(ConstraintStreamImplType.BAVET); // the engine PairingSolverConfig uses

    // ---- hard ----

    @Test
    void mentorCapacityExactlyFullIsFine() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("a", "Eng", 1).person("b", "Eng", 1)
                .person("c", "Eng", 1).mentor("m", 2).mentee("a", 1).mentee("b", 1).mentee("c", 1);
        verifier.verifyThat(PairingConstraintProvider::mentorCapacity)
                .given(t.solution().getRules(), t.pair("m", "a"), t.pair("m", "b"), t.pair(null, "c"))
                .penalizesBy(0);
    }

    @Test
    void mentorCapacityOverByOne() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("a", "Eng", 1).person("b", "Eng", 1)
                .person("c", "Eng", 1).mentor("m", 2).mentee("a", 1).mentee("b", 1).mentee("c", 1);
        verifier.verifyThat(PairingConstraintProvider::mentorCapacity)
                .given(t.solution().getRules(), t.pair("m", "a"), t.pair("m", "b"), t.pair("m", "c"))
                .penalizesBy(1);
    }

    @Test
    void samePersonIsForbidden() {
        TinyInstance t = new TinyInstance().person("x", "Sales", 5).person("e", "Eng", 1)
                .mentor("x", 2).mentee("x", 1).mentee("e", 1);
        verifier.verifyThat(PairingConstraintProvider::samePerson)
                .given(t.solution().getRules(), t.pair("x", "x"), t.pair("x", "e"))
                .penalizesBy(1);
    }

    @Test
    void reportingChainThreeDeepInEitherDirection() {
        // head <- lead <- senior <- junior; "other" is outside the chain.
        TinyInstance t = new TinyInstance().person("head", "Eng", 8).person("lead", "Eng", 6)
                .person("senior", "Eng", 4).person("junior", "Eng", 1).person("other", "Eng", 7)
                .manager("lead", "head").manager("senior", "lead").manager("junior", "senior")
                .mentor("head", 3).mentor("junior", 3).mentor("other", 3)
                .mentee("junior", 1).mentee("head", 1).mentee("senior", 1);
        verifier.verifyThat(PairingConstraintProvider::reportingChain)
                .given(t.solution().getRules(), t.pair("head", "junior"))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::reportingChain)
                .given(t.solution().getRules(), t.pair("junior", "head"))
                .penalizesBy(1);
        verifier.verifyThat(PairingConstraintProvider::reportingChain)
                .given(t.solution().getRules(), t.pair("other", "junior"), t.pair("other", "senior"))
                .penalizesBy(0);
    }

    @Test
    void doNotPairListedInEitherOrder() {
        TinyInstance t = new TinyInstance().person("m1", "Sales", 6).person("m2", "Sales", 6)
                .person("e1", "Eng", 1).person("e2", "Eng", 1)
                .mentor("m1", 2).mentor("m2", 2).mentee("e1", 1).mentee("e2", 1)
                .doNotPair("m1", "e1").doNotPair("e2", "m2");
        verifier.verifyThat(PairingConstraintProvider::doNotPair)
                .given(t.solution().getRules(), t.pair("m1", "e1"), t.pair("m2", "e2"))
                .penalizesBy(2);
        verifier.verifyThat(PairingConstraintProvider::doNotPair)
                .given(t.solution().getRules(), t.pair("m2", "e1"), t.pair("m1", "e2"))
                .penalizesBy(0);
    }

    @Test
    void levelGapBelowMinimum() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 5).person("gap2", "Eng", 3).person("gap1", "Eng", 4)
                .mentor("m", 3).mentee("gap2", 1).mentee("gap1", 1)
                .settings(PairingSettings.defaults().withRules(2, CrossDepartment.PREFERRED, 1440));
        verifier.verifyThat(PairingConstraintProvider::levelGapTooSmall)
                .given(t.solution().getRules(), t.pair("m", "gap2"), t.pair("m", "gap1"))
                .penalizesBy(1);
    }

    @Test
    void exactlyOneSharedLanguageIsEnough() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("one", "Eng", 1).person("none", "Eng", 1)
                .languages("m", "en", "fr").languages("one", "fr", "de").languages("none", "de")
                .mentor("m", 3).mentee("one", 1).mentee("none", 1);
        verifier.verifyThat(PairingConstraintProvider::noSharedLanguage)
                .given(t.solution().getRules(), t.pair("m", "one"), t.pair("m", "none"))
                .penalizesBy(1);
    }

    @Test
    void offsetDifferenceAtTheLimitIsAllowedOneMinuteOverIsNot() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("at", "Eng", 1).person("over", "Eng", 1)
                .offset("m", -60).offset("at", 420).offset("over", 421)
                .mentor("m", 3).mentee("at", 1).mentee("over", 1)
                .settings(PairingSettings.defaults().withRules(1, CrossDepartment.PREFERRED, 480));
        verifier.verifyThat(PairingConstraintProvider::timeZonesTooFarApart)
                .given(t.solution().getRules(), t.pair("m", "at"))
                .penalizesBy(0);
        verifier.verifyThat(PairingConstraintProvider::timeZonesTooFarApart)
                .given(t.solution().getRules(), t.pair("m", "over"))
                .penalizesBy(1);
    }

    @Test
    void sameDepartmentOnlyWhenCrossDepartmentRequired() {
        TinyInstance required = new TinyInstance().person("m", "Sales", 6).person("same", "Sales", 1)
                .person("other", "Eng", 1).mentor("m", 3).mentee("same", 1).mentee("other", 1)
                .settings(PairingSettings.defaults().withRules(1, CrossDepartment.REQUIRED, 1440));
        verifier.verifyThat(PairingConstraintProvider::sameDepartmentWhenRequired)
                .given(required.solution().getRules(), required.pair("m", "same"), required.pair("m", "other"))
                .penalizesBy(1);
        TinyInstance preferred = new TinyInstance().person("m", "Sales", 6).person("same", "Sales", 1)
                .mentor("m", 3).mentee("same", 1);
        verifier.verifyThat(PairingConstraintProvider::sameDepartmentWhenRequired)
                .given(preferred.solution().getRules(), preferred.pair("m", "same"))
                .penalizesBy(0);
    }

    // ---- unmatched ----

    @Test
    void unmatchedMenteeCostsThousandPerPriority() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("p3", "Eng", 1).person("p1", "Eng", 1)
                .person("p2", "Eng", 1).mentor("m", 1).mentee("p3", 3).mentee("p1", 1).mentee("p2", 2);
        verifier.verifyThat(PairingConstraintProvider::unmatchedMentee)
                .given(t.solution().getRules(), t.pair(null, "p3"), t.pair(null, "p1"), t.pair("m", "p2"))
                .penalizesBy(4000);
    }

    // ---- soft ----

    @Test
    void goalFitTenPerProficiencyLevel() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("e", "Eng", 1)
                .skills("m", "negotiation", 3, "public-speaking", 2, "crm", 1)
                .goals("e", "negotiation", "public-speaking", "java")
                .mentor("m", 1).mentee("e", 1);
        verifier.verifyThat(PairingConstraintProvider::goalFit)
                .given(t.solution().getRules(), t.pair("m", "e"))
                .rewardsWith(50);
    }

    @Test
    void crossDepartmentBonus() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("other", "Eng", 1).person("same", "Sales", 1)
                .mentor("m", 2).mentee("other", 1).mentee("same", 1);
        verifier.verifyThat(PairingConstraintProvider::crossDepartmentBonus)
                .given(t.solution().getRules(), t.pair("m", "other"), t.pair("m", "same"))
                .rewardsWith(15);
    }

    @Test
    void timeZoneDistanceOnePerFullHalfHour() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("far", "Eng", 1).person("near", "Eng", 1)
                .offset("m", 0).offset("far", 330).offset("near", 29)
                .mentor("m", 2).mentee("far", 1).mentee("near", 1);
        verifier.verifyThat(PairingConstraintProvider::timeZoneDistance)
                .given(t.solution().getRules(), t.pair("m", "far"), t.pair("m", "near"))
                .penalizesBy(11);
    }

    @Test
    void levelGapOverThreeFivePerLevel() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 7).person("gap6", "Eng", 1).person("gap3", "Eng", 4)
                .mentor("m", 2).mentee("gap6", 1).mentee("gap3", 1);
        verifier.verifyThat(PairingConstraintProvider::levelGapOver3)
                .given(t.solution().getRules(), t.pair("m", "gap6"), t.pair("m", "gap3"))
                .penalizesBy(15);
    }

    @Test
    void previousPairCostsForty() {
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("again", "Eng", 1).person("new", "Eng", 1)
                .mentor("m", 2).mentee("again", 1).mentee("new", 1).previous("m", "again", 2)
                .previous("new", "m", 1); // reversed roles do not count
        verifier.verifyThat(PairingConstraintProvider::previousPair)
                .given(t.solution().getRules(), t.pair("m", "again"), t.pair("m", "new"))
                .penalizesBy(40);
    }

    @Test
    void previousPairOutsideTheRoundWindowIsIgnored() {
        PairingSettings lastRoundOnly = new PairingSettings(1, CrossDepartment.PREFERRED, 1440, 10, 15, 1, 3, 5, 40, 1, 1000, 0);
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("e", "Eng", 1)
                .mentor("m", 2).mentee("e", 1).previous("m", "e", 2).settings(lastRoundOnly);
        verifier.verifyThat(PairingConstraintProvider::previousPair)
                .given(t.solution().getRules(), t.pair("m", "e"))
                .penalizesBy(0);
    }

    @Test
    void continuedPairIsRewardedOnlyWhenTheProgrammePrefersContinuity() {
        PairingSettings continuity = new PairingSettings(1, CrossDepartment.PREFERRED, 1440, 10, 15, 1, 3, 5, 0,
                Integer.MAX_VALUE, 1000, 25);
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("again", "Eng", 1).person("new", "Eng", 1)
                .mentor("m", 2).mentee("again", 1).mentee("new", 1).previous("m", "again", 1).settings(continuity);
        verifier.verifyThat(PairingConstraintProvider::continuedPair)
                .given(t.solution().getRules(), t.pair("m", "again"), t.pair("m", "new"))
                .rewardsWith(25);
        TinyInstance canonical = new TinyInstance().person("m", "Sales", 6).person("again", "Eng", 1)
                .mentor("m", 1).mentee("again", 1).previous("m", "again", 1);
        verifier.verifyThat(PairingConstraintProvider::continuedPair)
                .given(canonical.solution().getRules(), canonical.pair("m", "again"))
                .rewardsWith(0);
    }

    @Test
    void noCommonFreeHourCostsTwenty() {
        // m free Mon 09-11 UTC; "overlap" shares 10; "apart" is free Tuesday only; "none" marked no hour;
        // "anytime" gave no availability, so is free at every hour.
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("overlap", "Eng", 1)
                .person("apart", "Eng", 1).person("none", "Eng", 1).person("anytime", "Eng", 1)
                .mentor("m", 4).mentee("overlap", 1).mentee("apart", 1).mentee("none", 1).mentee("anytime", 1)
                .freeUtcHours("m", 9, 10).freeUtcHours("overlap", 10, 11).freeUtcHours("apart", 33, 34)
                .freeUtcHours("none");
        verifier.verifyThat(PairingConstraintProvider::noCommonFreeHour)
                .given(t.solution().getRules(), t.pair("m", "overlap"), t.pair("m", "anytime"))
                .penalizesBy(0);
        verifier.verifyThat(PairingConstraintProvider::noCommonFreeHour)
                .given(t.solution().getRules(), t.pair("m", "overlap"), t.pair("m", "apart"), t.pair("m", "none"),
                        t.pair("m", "anytime"))
                .penalizesBy(40);
    }

    @Test
    void noCommonFreeHourCountsNothingWhenNobodyGaveHours() {
        // free at every hour on both sides, even after a programme raises the weight
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("e", "Eng", 1).person("f", "Eng", 1)
                .mentor("m", 2).mentee("e", 1).mentee("f", 1).freeUtcHours("f")
                .settings(PairingSettings.defaults().withNoCommonFreeHourPenalty(70));
        verifier.verifyThat(PairingConstraintProvider::noCommonFreeHour)
                .given(t.solution().getRules(), t.pair("m", "e"))
                .penalizesBy(0);
        verifier.verifyThat(PairingConstraintProvider::noCommonFreeHour)
                .given(t.solution().getRules(), t.pair("m", "e"), t.pair("m", "f"))
                .penalizesBy(70);
    }

    @Test
    void wholeScoreIsObjectiveMinusConstant() {
        // m-e: 1000*2 + 10*3 + 15 - 6 = 2039; u unmatched: -1000. Soft = 2039 - 1000 - 2000 (all priorities) + 2000.
        TinyInstance t = new TinyInstance().person("m", "Sales", 6).person("e", "Eng", 3).person("u", "Eng", 2)
                .skills("m", "crm", 3).goals("e", "crm").offset("e", 180)
                .mentor("m", 1).mentee("e", 2).mentee("u", 1);
        verifier.verifyThat()
                .given(t.solution().getRules(), t.pair("m", "e"), t.pair(null, "u"))
                .scores(org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore.of(0, 30 + 15 - 6 - 1000));
    }
}
