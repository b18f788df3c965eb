package io.bridgeway.rounds;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.pairing.domain.CrossDepartment;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.programs.PreviousPartners;
import io.bridgeway.programs.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a round (snapshot, pins, exclusions, earlier rounds) into the pure matching core's problems. */
public final class RoundProblems {

    private RoundProblems() {
    }

    /** The programme's rules and weights as the pairing core's settings. */
    public static PairingSettings pairingSettings(Program p) {
        PairingSettings d = PairingSettings.defaults();
        // Continuity cannot be a negative penalty in the core; until it gets its own reward, it means "no penalty".
        int previousPenalty = p.previousPartners == PreviousPartners.PREFER_CONTINUITY ? 0 : p.weightPreviousPair;
        return new PairingSettings(p.minLevelGap,
                p.crossDepartmentRequired ? CrossDepartment.REQUIRED : CrossDepartment.PREFERRED,
                p.maxOffsetDiffMinutes, p.weightGoalSkill, p.weightCrossDepartment, p.weightOffsetPer30Min,
                d.levelGapPenaltyThreshold(), p.weightLevelGapPerLevel, previousPenalty, p.avoidRounds,
                d.matchedPriorityWeight());
    }

    /** Everyone the solver must know: participants, plus managers above them who do not take part. */
    static List<PersonProfile> people(List<ParticipantSnapshot> snapshots) {
        Map<String, PersonProfile> people = new LinkedHashMap<>();
        for (ParticipantSnapshot s : snapshots) {
            people.put(s.profile().id(), s.profile());
        }
        for (ParticipantSnapshot s : snapshots) {
            List<String> chain = s.managerChain();
            for (int i = 0; i < chain.size(); i++) {
                String next = i + 1 < chain.size() ? chain.get(i + 1) : null;
                people.putIfAbsent(chain.get(i), new PersonProfile(chain.get(i), null, null, 0, next, null, 0,
                        null, null, null));
            }
        }
        return new ArrayList<>(people.values());
    }

    /**
     * The pairing problem of a round: its snapshot, earlier published pairs of the programme as
     * history, the pairs managers split up as do-not-pair, and the pinned pairs.
     */
    public static PairingProblem pairing(MatchingRound round, List<RoundParticipant> participants,
            List<PairingProblem.PreviousPair> history, List<PairingProblem.PinnedPair> pins) {
        List<ParticipantSnapshot> snapshots = new ArrayList<>();
        List<PairingProblem.MentorSlot> mentors = new ArrayList<>();
        List<PairingProblem.MenteeRequest> mentees = new ArrayList<>();
        for (RoundParticipant p : participants) {
            ParticipantSnapshot snapshot = ParticipantSnapshot.fromJson(p.profileJson);
            snapshots.add(snapshot);
            if (p.asMentor) {
                mentors.add(new PairingProblem.MentorSlot(snapshot.profile().id(), p.mentorCapacity));
            }
            if (p.asMentee) {
                mentees.add(new PairingProblem.MenteeRequest(snapshot.profile().id(), p.menteePriority));
            }
        }
        List<PairingProblem.DoNotPair> excluded = round.excludedPairs.stream()
                .map(x -> new PairingProblem.DoNotPair(String.valueOf(x.mentorId()), String.valueOf(x.menteeId())))
                .toList();
        return new PairingProblem("round-" + round.id, people(snapshots), mentors, mentees, history, excluded,
                pairingSettings(round.program), pins);
    }
}
