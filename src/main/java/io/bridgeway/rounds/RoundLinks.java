package io.bridgeway.rounds;

import io.bridgeway.programs.Program;
import io.bridgeway.programs.ProgramRounds;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RoundLinks implements ProgramRounds {

    @Override
    public List<RoundLink> of(Program program) {
        return MatchingRound.<MatchingRound>list("program", Sort.by("number").descending(), program).stream()
                .map(r -> new RoundLink(r.id, r.number, r.status.name(), r.solveState.name()))
                .toList();
    }

    @Override
    public List<Waiter> waiting(Program program) {
        java.util.Set<Long> mentees = new java.util.HashSet<>();
        io.bridgeway.programs.Enrollment.ofProgram(program).stream().filter(e -> e.asMentee)
                .forEach(e -> mentees.add(e.person.id));
        return Waiting.waiters(program, mentees);
    }
}
