package io.bridgeway.people.hrimport;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do). With errors nothing is written and the counts are 0:
 * the import is all or nothing.
 */
public record ImportResult(int created, int updated, int deactivated, List<ImportError> errors) {

    static ImportResult failed(List<ImportError> errors) {
        return new ImportResult(0, 0, 0, List.copyOf(errors));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
