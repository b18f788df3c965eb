package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.FreeHours;
import java.time.LocalDate;
import java.util.List;

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
        assertEquals(canonical.noCommonFreeHourPenalty(), fromProgram.noCommonFreeHourPenalty());
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

    private static ParticipantSnapshot snapshot(String id, String zone, String... slots) {
        return new ParticipantSnapshot(new PersonProfile(id, id, null, 1, null, null, 0, null, null, null),
                id + "@example.com", zone, List.of(slots), List.of());
    }

    @Test
    void localSlotsBecomeUtcFreeHoursWithTheZoneRulesOfTheWeek() {
        LocalDate summer = LocalDate.of(2025, 7, 7); // a Monday; London is UTC+1, Kolkata UTC+05:30
        LocalDate winter = LocalDate.of(2025, 1, 6); // London is UTC+0
        ParticipantSnapshot london = snapshot("l", "Europe/London", "MON-09");
        ParticipantSnapshot utcEight = snapshot("u", "UTC", "MON-08");
        ParticipantSnapshot kolkata = snapshot("k", "Asia/Kolkata", "MON-13", "MON-14");
        assertTrue(FreeHours.shareHour(RoundProblems.freeHours(london, summer), RoundProblems.freeHours(utcEight, summer)),
                "London 09:00 in July is 08:00 UTC");
        assertFalse(FreeHours.shareHour(RoundProblems.freeHours(london, winter), RoundProblems.freeHours(utcEight, winter)),
                "London 09:00 in January is 09:00 UTC");
        // Kolkata 13:00-15:00 is 07:30-09:30 UTC: the hour from 08:00 UTC fits, off the whole hour is no obstacle
        assertTrue(FreeHours.shareHour(RoundProblems.freeHours(kolkata, winter), RoundProblems.freeHours(utcEight, winter)));
        assertFalse(FreeHours.shareHour(RoundProblems.freeHours(kolkata, winter), RoundProblems.freeHours(london, winter)));
    }
}
