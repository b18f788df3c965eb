package io.bridgeway.matching;

import java.util.List;

/**
 * A matching problem that cannot be solved as given. The message names every problem (field, id or
 * rule), so the web layer can answer with a 400 that says exactly what to fix.
 */
public class InvalidInstanceException extends RuntimeException {

    private final List<String> problems;

    public InvalidInstanceException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInstanceException(String problem) {
        this(List.of(problem));
    }

    public InvalidInstanceException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
