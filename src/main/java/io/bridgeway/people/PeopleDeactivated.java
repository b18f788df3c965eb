package io.bridgeway.people;

import java.util.List;

/**
 * Fired (synchronously, inside the deactivating transaction) when accounts are deactivated, by an admin or as
 * leavers of an HR import, so each feature can stop what it does for them (e.g. mail not yet sent).
 */
public record PeopleDeactivated(List<Long> personIds) {
}
