package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bridgeway.matching.pairing.domain.CrossDepartment;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.programs.PreviousPartners;
import io.bridgeway.programs.Program;
import org.junit.jupiter.api.Test;

/** A programme left at its defaults must give the solver exactly the canonical model (MODEL.md). */
class RoundProblemsTest {

    @Test
    void defaultProgrammeSettingsAreTheCanonicalModel() {
        PairingSettings fromProgram = RoundProblems.pairingSettings(new Program());
        PairingSettings canonical = PairingSettings.defaults();
        assertEquals(canonical.minLevelGap(), fromProgram.minLevelGap());
        assertEquals(canonical.crossDepartment(), fromProgram.crossDepartment());
        assertEquals(canonical.maxOffsetDiffMinutes(), fromProgram.maxOffsetDiffMinutes());
        assertEquals(canonical.goalSkillWeight(), fromProgram.goalSkillWeight());
        assertEquals(canonical.crossDepartmentBonus(), fromProgram.crossDepartmentBonus());
        assertEquals(canonical.offsetPenaltyPer30Min(), fromProgram.offsetPenaltyPer30Min());
        assertEquals(canonical.levelGapPenaltyThreshold(), fromProgram.levelGapPenaltyThreshold());
        assertEquals(canonical.levelGapPenaltyPerLevel(), fromProgram.levelGapPenaltyPerLevel());
        assertEquals(canonical.previousPairPenalty(), fromProgram.previousPairPenalty());
        assertEquals(canonical.matchedPriorityWeight(), fromProgram.matchedPriorityWeight());
        assertEquals(0, fromProgram.continuityBonus(), "no continuity bonus in the canonical model");
        assertEquals(10, fromProgram.previousPairMaxRoundsAgo(), "every earlier round a programme keeps counts");
    }

    @Test
    void programmeRulesAndWeightsReachTheSolver() {
        Program program = new Program();
        program.pairing.crossDepartmentRequired = true;
        program.pairing.minLevelGap = 2;
        program.pairing.maxOffsetDiffMinutes = 300;
        program.pairing.weightGoalSkill = 20;
        program.pairing.avoidRounds = 2;
        PairingSettings settings = RoundProblems.pairingSettings(program);
        assertEquals(CrossDepartment.REQUIRED, settings.crossDepartment());
        assertEquals(2, settings.minLevelGap());
        assertEquals(300, settings.maxOffsetDiffMinutes());
        assertEquals(20, settings.goalSkillWeight());
        assertEquals(2, settings.previousPairMaxRoundsAgo());

        program.pairing.previousPartners = PreviousPartners.PREFER_CONTINUITY;
        assertEquals(0, RoundProblems.pairingSettings(program).previousPairPenalty(), "continuity: no repeat penalty");
        assertEquals(40, RoundProblems.pairingSettings(program).continuityBonus(), "but a bonus for keeping the pair");
    }
}
