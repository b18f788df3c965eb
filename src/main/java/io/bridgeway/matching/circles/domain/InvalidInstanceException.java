package io.bridgeway.matching.circles.domain;

import java.util.List;

/** A circles problem that cannot be solved as given; the message says exactly why (one line per problem). */
public class InvalidInstanceException extends RuntimeException {

    private final List<String> problems;

    public InvalidInstanceException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInstanceException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
