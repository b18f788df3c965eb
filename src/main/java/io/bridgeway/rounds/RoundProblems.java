package io.bridgeway.rounds;

import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.WeeklySlot;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSettings;
import io.bridgeway.matching.circles.domain.MeetingCalendar;
import io.bridgeway.matching.circles.domain.PersonAvailability;
import io.bridgeway.matching.circles.solver.CirclesValidator;
import io.bridgeway.matching.pairing.domain.FreeHours;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.programs.Program;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Maps a round (snapshot, pins, exclusions, earlier rounds) into the pure matching core's problems. */
public final class RoundProblems {

    private RoundProblems() {
    }

    /** The programme's rules and weights as the pairing core's settings. */
    public static PairingSettings pairingSettings(Program p) {
        return p.pairing.toSettings();
    }

    /** The programme's circle rules and weights as the circles core's settings. */
    public static CirclesSettings circlesSettings(Program p) {
        return p.circles.toSettings();
    }

    /** When the circles meet: round r in the week starting {@code start + r * cadence} weeks. */
    public static MeetingCalendar calendar(Program p) {
        LocalDate start = p.circleStartDate != null ? p.circleStartDate : LocalDate.now().plusWeeks(1);
        return new MeetingCalendar(start, p.circleCadenceWeeks);
    }

    /**
     * The circles problem of a round: its circle members over the programme's circle meetings, with the
     * circles of earlier published rounds as history and everyone's weekly availability for meeting times.
     * Each meeting's circles are searched with the free UTC hours of that meeting's own weeks
     * ({@link CirclesProblem#freeUtcHoursInRound}), so a daylight-saving change between meetings moves them;
     * someone without slots is free at every hour.
     */
    public static CirclesProblem circles(MatchingRound round, List<RoundParticipant> participants,
            List<List<String>> history, Collection<List<String>> keptApart) {
        Program program = round.program;
        List<PersonProfile> people = new ArrayList<>();
        Map<String, PersonAvailability> availability = new LinkedHashMap<>();
        Map<String, Set<Integer>> freeUtcHours = new LinkedHashMap<>();
        MeetingCalendar calendar = calendar(program);
        for (RoundParticipant p : participants) {
            if (!p.asCircleMember) {
                continue;
            }
            ParticipantSnapshot snapshot = ParticipantSnapshot.fromJson(p.profileJson);
            people.add(snapshot.profile());
            if (!snapshot.availability().isEmpty()) {
                availability.put(snapshot.profile().id(), new PersonAvailability(ZoneId.of(snapshot.timeZone()),
                        snapshot.availability().stream().map(WeeklySlot::parse).collect(Collectors.toSet())));
                freeUtcHours.put(snapshot.profile().id(), circleFreeHours(snapshot, calendar, 0));
            }
        }
        int smallest = smallestCircleFittingEveryone(people.size(), program.groupMin, program.groupMax);
        CirclesProblem problem = new CirclesProblem(people, program.circleRounds, smallest, program.groupMax,
                circleHistoryAmong(history, people.stream().map(PersonProfile::id).collect(Collectors.toSet())),
                circlesSettings(program), Set.of(), availability, calendar, freeUtcHours);
        Set<String> members = people.stream().map(PersonProfile::id).collect(Collectors.toSet());
        return problem.withKeptApart(keptApart.stream().filter(members::containsAll).toList());
    }

    /**
     * The whole UTC hours of the week (0..167) a circle member is free at a meeting (0-based), as the circles
     * search counts them: the hours their local slots cover in every week of that meeting, in their zone. Null when
     * they entered no slots (free at every hour).
     */
    public static Set<Integer> circleFreeHours(ParticipantSnapshot snapshot, MeetingCalendar calendar, int meeting) {
        return snapshot.availability().isEmpty() ? null : MeetingTimes.inUtc(snapshot.availability(),
                snapshot.timeZone(), calendar.weekStarts(meeting)).wholeUtcHours();
    }

    /**
     * The smallest circle a round's circles may have, as its solve sets it ({@link #circles}): the programme's
     * {@code groupMin}, shrunk by {@link #smallestCircleFittingEveryone} for the round's circle members. It is the same
     * at every meeting, since each circle member is seated or left out at each. {@code circleMemberCount} counts the
     * participants {@link #circles} counts (kept in step when a draft drops a leaver, and as solved once published).
     * The review page marks the circles below it, and a manager's move may not take a circle below it.
     */
    public static int smallestCircleSize(MatchingRound round) {
        return smallestCircleFittingEveryone(round.circleMemberCount, round.program.groupMin, round.program.groupMax);
    }

    /**
     * Nobody who enrolled is left out: when the headcount cannot be split into circles of min..max (7 people in
     * 4..5), the smallest circle shrinks just enough (4 + 3) rather than failing the round. Two is the floor.
     */
    public static int smallestCircleFittingEveryone(int people, int min, int max) {
        int smallest = min;
        while (smallest > 2 && people >= 2 && CirclesValidator.groupSizes(people, smallest, max) == null) {
            smallest--;
        }
        return smallest;
    }

    /**
     * Earlier circles narrowed to the people of this round: someone who withdrew or left since is no
     * fact of this problem (STYLE.md pitfall 13). Circles with fewer than two of them say nothing.
     */
    static List<List<String>> circleHistoryAmong(List<List<String>> history, Set<String> people) {
        return history.stream()
                .map(circle -> circle.stream().filter(people::contains).toList())
                .filter(circle -> circle.size() >= 2)
                .toList();
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
     * history, the pairs managers split up and the pairs on people's confidential lists ({@code keptApart}) as
     * do-not-pair, and the pinned pairs.
     */
    public static PairingProblem pairing(MatchingRound round, List<RoundParticipant> participants,
            List<PairingProblem.PreviousPair> history, List<PairingProblem.PinnedPair> pins,
            Collection<List<String>> keptApart) {
        List<ParticipantSnapshot> snapshots = new ArrayList<>();
        List<PairingProblem.MentorSlot> mentors = new ArrayList<>();
        List<PairingProblem.MenteeRequest> mentees = new ArrayList<>();
        Map<String, FreeHours> freeHours = new LinkedHashMap<>();
        LocalDate kickoffWeek = MeetingTimes.kickoffWeek();
        for (RoundParticipant p : participants) {
            ParticipantSnapshot snapshot = ParticipantSnapshot.fromJson(p.profileJson);
            snapshots.add(snapshot);
            if (!snapshot.availability().isEmpty()) { // no slots entered: free at every hour, as in MODEL.md
                freeHours.put(snapshot.profile().id(), freeHours(snapshot, kickoffWeek));
            }
            if (p.asMentor) {
                mentors.add(new PairingProblem.MentorSlot(snapshot.profile().id(), p.mentorCapacity));
            }
            if (p.asMentee) {
                mentees.add(new PairingProblem.MenteeRequest(snapshot.profile().id(), p.menteePriority,
                        p.roundsWaited));
            }
        }
        // Earlier rounds and pins may name people who withdrew or left since: keep only this round's people.
        Set<String> inRound = snapshots.stream().map(s -> s.profile().id()).collect(Collectors.toSet());
        Set<String> mentorIds = mentors.stream().map(PairingProblem.MentorSlot::personId).collect(Collectors.toSet());
        Set<String> menteeIds = mentees.stream().map(PairingProblem.MenteeRequest::personId).collect(Collectors.toSet());
        List<PairingProblem.PreviousPair> relevantHistory = history.stream()
                .filter(h -> inRound.contains(h.mentorId()) && inRound.contains(h.menteeId())).toList();
        List<PairingProblem.DoNotPair> excluded = Stream.concat(round.excludedPairs.stream()
                .map(x -> new PairingProblem.DoNotPair(String.valueOf(x.mentorId()), String.valueOf(x.menteeId()))),
                keptApart.stream().map(x -> new PairingProblem.DoNotPair(x.get(0), x.get(1))))
                .filter(x -> inRound.contains(x.firstId()) && inRound.contains(x.secondId()))
                .toList();
        List<PairingProblem.PinnedPair> relevantPins = pins.stream()
                .filter(p -> menteeIds.contains(p.menteeId()) && (p.mentorId() == null || mentorIds.contains(p.mentorId())))
                .toList();
        return new PairingProblem("round-" + round.id, people(snapshots), mentors, mentees, relevantHistory, excluded,
                pairingSettings(round.program), relevantPins, freeHours);
    }

    /** The snapshot's local slots in its zone as UTC hour starts of the week pairs start in (the invite's week). */
    static FreeHours freeHours(ParticipantSnapshot snapshot, LocalDate week) {
        return FreeHours.ofHourStarts(MeetingTimes.inUtc(snapshot.availability(), snapshot.timeZone(), week).hourStarts());
    }
}
