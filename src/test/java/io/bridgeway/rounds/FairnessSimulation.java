package io.bridgeway.rounds;

import io.bridgeway.analytics.Outcomes;
import io.bridgeway.analytics.Outcomes.WaitSpans;
import io.bridgeway.matching.PersonProfile;
import io.bridgeway.matching.circles.domain.CirclesProblem;
import io.bridgeway.matching.circles.domain.CirclesSchedule;
import io.bridgeway.matching.circles.solver.CirclesPlanner;
import io.bridgeway.matching.circles.solver.CirclesScheduleFactory;
import io.bridgeway.matching.circles.solver.CirclesSolverConfig;
import io.bridgeway.matching.circles.solver.CirclesValidator;
import io.bridgeway.matching.pairing.domain.CrossDepartment;
import io.bridgeway.matching.pairing.domain.Mentee;
import io.bridgeway.matching.pairing.domain.PairRules;
import io.bridgeway.matching.pairing.domain.PairingProblem;
import io.bridgeway.matching.pairing.domain.PairingSolution;
import io.bridgeway.matching.pairing.io.PairingJson;
import io.bridgeway.matching.pairing.solver.PairingMatcher;
import io.bridgeway.matching.pairing.solver.PairingResult;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import io.bridgeway.programs.Program;
import io.bridgeway.programs.ProgramType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.optaplanner.core.api.solver.SolverFactory;

/**
 * Runs R published rounds of one programme on a generated company through the product's own round code:
 * entities mapped by {@link RoundProblems} (with the programme's waiting policy), solved by the pairing and
 * circles cores, circles reseated by {@link CircleSeating}, waiting counted by {@link PairRules#roundsWaitedAfter}.
 * Three runs side by side: the waiting policy, no policy, and random rotation (random allowed pairs, random
 * circles). {@code bench/simulate.sh} is the command.
 */
public final class FairnessSimulation {

    public enum Run {
        WAITING("waiting policy"), NO_POLICY("no policy"), RANDOM("random rotation");

        final String label;

        Run(String label) {
            this.label = label;
        }
    }

    /** The company and who takes part: a MODEL.md pairing instance plus the people who opted into circles. */
    public record Company(PairingProblem instance, Set<String> circleMembers) {
    }

    /**
     * The figures after a round, over all published rounds so far. {@code longestWait}: the most consecutive
     * rounds any mentee has waited (unmatched while having an allowed mentor, as {@link PairRules#roundsWaitedAfter}
     * counts them); {@code waitedWhileOthersMatchedTwice}: mentees who waited 2 or more rounds in a row while some
     * other mentee was matched in at least 2 of those same rounds.
     */
    public record Figures(int round, int matched, int mentees, int neverMatched, int longestWait,
            int waitedWhileOthersMatchedTwice, int participants, int noCrossTie, double meanCrossTies,
            double shareAtLeast3, int departmentPairsBridged, int departmentPairs, int fewestDepartmentPairTies,
            double lowestDecileMeanTies, double seconds) {
    }

    private final Company company;
    private final Duration pairingLimit;
    private final Duration circlesLimit;
    private final long seed;

    public FairnessSimulation(Company company, Duration pairingLimit, Duration circlesLimit, long seed) {
        this.company = company;
        this.pairingLimit = pairingLimit;
        this.circlesLimit = circlesLimit;
        this.seed = seed;
    }

    /** The programme: MODEL.md rules of the instance, both pairs and circles, the run's waiting policy. */
    Program program(Run run) {
        Program program = new Program();
        program.type = company.circleMembers().isEmpty() ? ProgramType.MENTORING : ProgramType.BOTH;
        var rules = company.instance().settings();
        program.pairing.minLevelGap = rules.minLevelGap();
        program.pairing.crossDepartmentRequired = rules.crossDepartment() == CrossDepartment.REQUIRED;
        program.pairing.maxOffsetDiffMinutes = rules.maxOffsetDiffMinutes();
        program.pairing.waitingPolicy = run == Run.WAITING;
        program.circleRounds = 1; // one circle meeting per programme round
        return program;
    }

    public List<Figures> simulate(Run run, int rounds) {
        Program program = program(run);
        Map<String, PersonProfile> byId = new LinkedHashMap<>();
        company.instance().people().forEach(p -> byId.put(p.id(), p));
        Map<String, String> departments = new HashMap<>();
        byId.values().forEach(p -> departments.put(p.id(), p.department()));
        CrossTies ties = new CrossTies(departments);
        Map<String, Integer> waited = new HashMap<>();
        Set<String> everMatched = new HashSet<>();
        WaitSpans waits = new WaitSpans();
        List<PairingProblem.PreviousPair> pairHistory = new ArrayList<>(); // roundsAgo relative to round 0
        List<List<String>> circleHistory = new ArrayList<>();
        Random random = new Random(seed);
        Set<String> participants = new TreeSet<>(company.circleMembers());
        company.instance().mentors().forEach(m -> participants.add(m.personId()));
        company.instance().mentees().forEach(m -> participants.add(m.personId()));
        List<Figures> figures = new ArrayList<>();

        for (int number = 1; number <= rounds; number++) {
            long start = System.nanoTime();
            MatchingRound round = new MatchingRound();
            round.program = program;
            round.number = number;
            company.instance().doNotPair().forEach(x -> round.excludedPairs.add(
                    new MatchingRound.ExcludedPair(numeric(x.firstId()), numeric(x.secondId()))));
            List<RoundParticipant> roundParticipants = participants(round, byId, waited);
            final int current = number;
            List<PairingProblem.PreviousPair> history = pairHistory.stream()
                    .map(p -> new PairingProblem.PreviousPair(p.mentorId(), p.menteeId(), current - p.roundsAgo()))
                    .toList();
            PairingProblem problem = RoundProblems.pairing(round, roundParticipants, history, List.of(), List.of());
            // pairs
            Map<String, String> mentorOf = new HashMap<>();
            Set<String> eligible = new HashSet<>();
            if (run == Run.RANDOM) {
                randomPairs(problem, random, mentorOf, eligible);
            } else {
                PairingResult result = new PairingMatcher(PairingProblem.DEFAULT_MAX_PEOPLE, pairingLimit)
                        .solve(problem, pairingLimit);
                result.pairs().forEach(p -> mentorOf.put(p.menteeId(), p.mentorId()));
                result.pairs().forEach(p -> eligible.add(p.menteeId()));
                result.unmatched().stream().filter(PairingResult.UnmatchedMentee::eligible)
                        .forEach(u -> eligible.add(u.menteeId()));
            }
            // circles
            List<List<String>> circles = List.of();
            if (program.type.circles()) {
                CirclesProblem circlesProblem = RoundProblems.circles(round, roundParticipants, circleHistory, List.of());
                circles = run == Run.RANDOM ? randomCircles(circlesProblem, random) : solveCircles(circlesProblem, ties);
            }
            // publish: history, waiting and ties build up
            waits.published(mentorOf.keySet());
            for (PairingProblem.MenteeRequest mentee : problem.mentees()) {
                String mentor = mentorOf.get(mentee.personId());
                int before = waited.getOrDefault(mentee.personId(), 0);
                waited.put(mentee.personId(), PairRules.roundsWaitedAfter(before,
                        mentor != null, eligible.contains(mentee.personId())));
                waits.waited(mentee.personId(), number, before, waited.get(mentee.personId()));
                if (mentor != null) {
                    everMatched.add(mentee.personId());
                    pairHistory.add(new PairingProblem.PreviousPair(mentor, mentee.personId(), number));
                    ties.met(List.of(mentor, mentee.personId()));
                }
            }
            circles.forEach(ties::met);
            circleHistory.addAll(circles);
            figures.add(figures(number, mentorOf.size(), problem.mentees().size(),
                    (int) problem.mentees().stream().filter(m -> !everMatched.contains(m.personId())).count(),
                    waits, participants, ties, departments, (System.nanoTime() - start) / 1e9));
        }
        return figures;
    }

    /** The round's participants as the product stores them: roles, waiting and a JSON snapshot of the profile. */
    private List<RoundParticipant> participants(MatchingRound round, Map<String, PersonProfile> byId,
            Map<String, Integer> waited) {
        Map<String, RoundParticipant> byPerson = new LinkedHashMap<>();
        for (PairingProblem.MentorSlot m : company.instance().mentors()) {
            participant(round, byPerson, byId, m.personId()).asMentor = true;
            byPerson.get(m.personId()).mentorCapacity = m.capacity();
        }
        for (PairingProblem.MenteeRequest m : company.instance().mentees()) {
            RoundParticipant p = participant(round, byPerson, byId, m.personId());
            p.asMentee = true;
            p.menteePriority = m.priority();
            p.roundsWaited = waited.getOrDefault(m.personId(), 0);
        }
        if (round.program.type.circles()) {
            company.circleMembers().forEach(id -> participant(round, byPerson, byId, id).asCircleMember = true);
        }
        return new ArrayList<>(byPerson.values());
    }

    private static RoundParticipant participant(MatchingRound round, Map<String, RoundParticipant> byPerson,
            Map<String, PersonProfile> byId, String id) {
        return byPerson.computeIfAbsent(id, k -> {
            RoundParticipant p = new RoundParticipant();
            p.round = round;
            p.mentorCapacity = 1;
            p.menteePriority = 1;
            List<String> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String m = byId.get(id).managerId(); m != null && byId.containsKey(m) && seen.add(m);
                    m = byId.get(m).managerId()) {
                chain.add(m);
            }
            p.profileJson = new ParticipantSnapshot(byId.get(id), id + "@example.com", "UTC", List.of(), chain).toJson();
            return p;
        });
    }

    /** Each mentee in random order takes a random allowed mentor with a free place. */
    private static void randomPairs(PairingProblem problem, Random random, Map<String, String> mentorOf,
            Set<String> eligible) {
        PairingSolution solution = PairingSolutionFactory.build(problem);
        Map<String, Integer> load = new HashMap<>();
        List<Mentee> mentees = new ArrayList<>(solution.getMentees());
        Collections.shuffle(mentees, random);
        for (Mentee mentee : mentees) {
            var free = new ArrayList<>(mentee.getCandidateMentors().stream()
                    .filter(m -> load.getOrDefault(m.getId(), 0) < m.getCapacity()).toList());
            if (!mentee.getCandidateMentors().isEmpty()) {
                eligible.add(mentee.getId());
            }
            if (!free.isEmpty()) {
                var mentor = free.get(random.nextInt(free.size()));
                load.merge(mentor.getId(), 1, Integer::sum);
                mentorOf.put(mentee.getId(), mentor.getId());
            }
        }
    }

    private static List<List<String>> randomCircles(CirclesProblem problem, Random random) {
        List<String> ids = new ArrayList<>(problem.people().stream().map(PersonProfile::id).toList());
        Collections.shuffle(ids, random);
        List<List<String>> circles = new ArrayList<>();
        int at = 0;
        for (int size : CirclesValidator.groupSizes(ids.size(), problem.minGroupSize(), problem.maxGroupSize())) {
            circles.add(List.copyOf(ids.subList(at, at + size)));
            at += size;
        }
        return circles;
    }

    /** The same steps as {@code RoundSolver}: solve, reseat the least connected, map to the result. */
    private List<List<String>> solveCircles(CirclesProblem problem, CrossTies ties) {
        CirclesSchedule schedule = CirclesScheduleFactory.build(problem);
        CirclesSchedule solved = SolverFactory.<CirclesSchedule>create(
                CirclesSolverConfig.create(circlesLimit, circlesLimit, seed)).buildSolver().solve(schedule);
        CircleSeating.seatLeastConnectedAndRescore(problem, solved, ties::of);
        return CirclesPlanner.toResult(problem, solved, 0).rounds().get(0);
    }

    /** The shared outcome figures ({@link Outcomes#after}) with this run's round number and wall time. */
    static Figures figures(int round, int matched, int mentees, int neverMatched, WaitSpans waits,
            Set<String> participants, CrossTies ties, Map<String, String> departments, double seconds) {
        Outcomes.Figures f = Outcomes.after(String.valueOf(round), matched, mentees, neverMatched, waits, participants,
                ties, departments);
        return new Figures(round, f.matched(), f.mentees(), f.neverMatched(), f.longestWait(),
                f.waitedWhileOthersMatchedTwice(), f.participants(), f.withoutCrossTie(), f.meanCrossTies(),
                f.shareWithAtLeast3Ties(), f.departmentPairsBridged(), f.departmentPairs(), f.fewestDepartmentPairTies(),
                f.lowestDecileMeanTies(), seconds);
    }

    private static long numeric(String id) {
        return Long.parseLong(id.replaceAll("\\D", ""));
    }

    /** Numeric ids (as the product's person ids) and a deterministic share of people in circles. */
    public static Company company(PairingProblem instance, double circleShare, long seed) {
        Set<String> paired = new HashSet<>(); // do-not-pair entries only matter between participants
        instance.mentors().forEach(m -> paired.add(m.personId()));
        instance.mentees().forEach(m -> paired.add(m.personId()));
        Map<String, String> ids = new HashMap<>();
        instance.people().forEach(p -> ids.put(p.id(), String.valueOf(numeric(p.id()))));
        List<PersonProfile> people = instance.people().stream().map(p -> new PersonProfile(ids.get(p.id()), p.name(),
                p.department(), p.level(), p.managerId() == null ? null : ids.getOrDefault(p.managerId(), null),
                p.office(), p.utcOffsetMinutes(), p.languages(), p.skills(), p.goals())).toList();
        PairingProblem renamed = new PairingProblem(instance.name(), people,
                instance.mentors().stream().map(m -> new PairingProblem.MentorSlot(ids.get(m.personId()), m.capacity())).toList(),
                instance.mentees().stream().map(m -> new PairingProblem.MenteeRequest(ids.get(m.personId()), m.priority())).toList(),
                List.of(), // a new programme: no earlier rounds
                instance.doNotPair().stream().filter(d -> paired.contains(d.firstId()) && paired.contains(d.secondId()))
                        .map(d -> new PairingProblem.DoNotPair(ids.get(d.firstId()), ids.get(d.secondId()))).toList(),
                instance.settings(), List.of());
        Random random = new Random(seed);
        Set<String> circles = new TreeSet<>();
        for (PersonProfile p : people) {
            if (random.nextDouble() < circleShare) {
                circles.add(p.id());
            }
        }
        return new Company(renamed, circles);
    }

    static String table(Map<Run, List<Figures>> runs) {
        StringBuilder out = new StringBuilder();
        out.append("| round | run | matched / mentees | mentees never matched | longest wait (rounds) "
                + "| waited 2+ rounds while another was matched twice | participants with no cross-dept tie "
                + "| mean cross-dept ties | share with >= 3 ties | dept pairs bridged | fewest ties of a dept pair "
                + "| mean ties, lowest decile | seconds |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        int rounds = runs.values().iterator().next().size();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<Run, List<Figures>> run : runs.entrySet()) {
                Figures f = run.getValue().get(r);
                out.append(String.format(Locale.ROOT, "| %d | %s | %d / %d | %d | %d | %d | %d of %d | %.2f | %.1f%% | %d of %d | %d | %.2f | %.1f |%n",
                        f.round(), run.getKey().label, f.matched(), f.mentees(), f.neverMatched(), f.longestWait(),
                        f.waitedWhileOthersMatchedTwice(), f.noCrossTie(),
                        f.participants(), f.meanCrossTies(), 100 * f.shareAtLeast3(), f.departmentPairsBridged(),
                        f.departmentPairs(), f.fewestDepartmentPairTies(), f.lowestDecileMeanTies(), f.seconds()));
            }
        }
        return out.toString();
    }

    /** Arguments: INSTANCE.json [rounds=4] [circleShare=0.3] [pairSeconds=2] [circleSeconds=3] [seed=7] [out.md] */
    public static void main(String[] args) throws IOException {
        Path instance = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        Duration pairs = Duration.ofMillis((long) (1000 * (args.length > 3 ? Double.parseDouble(args[3]) : 2)));
        Duration circles = Duration.ofMillis((long) (1000 * (args.length > 4 ? Double.parseDouble(args[4]) : 3)));
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 7;
        Company company;
        try (var in = Files.newInputStream(instance)) {
            company = company(PairingJson.readProblem(in), share, seed);
        }
        System.out.printf("%s: %d people, %d mentors (%d places), %d mentees, %d in circles; %d rounds%n",
                instance.getFileName(), company.instance().people().size(), company.instance().mentors().size(),
                company.instance().mentors().stream().mapToInt(PairingProblem.MentorSlot::capacity).sum(),
                company.instance().mentees().size(), company.circleMembers().size(), rounds);
        FairnessSimulation simulation = new FairnessSimulation(company, pairs, circles, seed);
        Map<Run, List<Figures>> results = new LinkedHashMap<>();
        for (Run run : Run.values()) {
            long start = System.nanoTime();
            results.put(run, simulation.simulate(run, rounds));
            System.out.printf("%s: %.1f s%n", run.label, (System.nanoTime() - start) / 1e9);
        }
        String table = table(results);
        System.out.print(table);
        if (args.length > 6) {
            Files.writeString(Path.of(args[6]), table);
        }
    }
}
