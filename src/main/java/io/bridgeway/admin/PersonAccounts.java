package io.bridgeway.admin;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.mentoring.CalendarFeed;
import io.bridgeway.people.PeopleDeactivated;
import io.bridgeway.people.Person;
import io.bridgeway.security.Role;
import io.bridgeway.web.FormErrors;
import io.bridgeway.web.Found;
import io.bridgeway.web.StaleEditException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * Account changes admins make: granting and revoking roles, deactivating and reactivating. The last
 * active admin can be neither demoted nor deactivated. Every change is audited; roles and the active
 * flag are re-read on every request, so a change takes effect with the person's next click.
 */
@ApplicationScoped
public class PersonAccounts {

    /** The roles admins grant; everyone is an employee. */
    static final Map<String, String> GRANTABLE = Map.of(Role.PROGRAM_MANAGER, "programme manager",
            Role.ADMIN, "admin");

    static final String LAST_ADMIN = "This is the last active admin: make someone else an admin first, "
            + "so that somebody can still manage Bridgeway.";

    @Inject
    AuditLog audit;

    @Inject
    Event<PeopleDeactivated> deactivations;

    public static String label(String role) {
        return GRANTABLE.getOrDefault(role, "role");
    }

    /** Grants or revokes {@code role}; errors (nothing changed) when the role is unknown or it is the last admin. */
    @Transactional
    public FormErrors changeRole(long personId, String role, boolean grant, String version) {
        Person person = load(personId, version);
        FormErrors errors = FormErrors.none();
        if (role == null || !GRANTABLE.containsKey(role)) {
            return errors.add("role", "Choose programme manager or admin.");
        }
        if (grant == person.hasRole(role)) {
            return errors; // already so: nothing to do, nothing to audit
        }
        if (!grant && role.equals(Role.ADMIN) && person.isLastActiveAdmin()) {
            return errors.add("role", LAST_ADMIN);
        }
        if (grant) {
            person.roles.add(role);
        } else {
            person.roles.remove(role);
        }
        audit.record(grant ? "ROLE_GRANTED" : "ROLE_REVOKED", "PERSON", person.id, null, role + " for " + person.email);
        return errors;
    }

    /**
     * Deactivates (ending every session at once, deleting the calendar link and cancelling mail not yet sent to them;
     * history stays) or reactivates an account; errors
     * (nothing changed) when deactivating the last active admin.
     */
    @Transactional
    public FormErrors setActive(long personId, boolean active, String version) {
        Person person = load(personId, version);
        FormErrors errors = FormErrors.none();
        if (person.active == active) {
            return errors;
        }
        if (!active && person.isLastActiveAdmin()) {
            return errors.add("active", LAST_ADMIN);
        }
        person.active = active;
        if (!active) {
            Person.endAllSessions(person.id);
            CalendarFeed.deleteOf(List.of(person.id));
            deactivations.fire(new PeopleDeactivated(List.of(person.id)));
        }
        audit.record(active ? "ACCOUNT_REACTIVATED" : "ACCOUNT_DEACTIVATED", "PERSON", person.id, null, person.email);
        return errors;
    }

    private static Person load(long personId, String version) {
        Person person = Found.orNotFound(Person.<Person>findById(personId));
        if (version != null && !version.isBlank() && !version.strip().equals(String.valueOf(person.version))) {
            throw new StaleEditException("This account was changed by someone else since you opened the page. "
                    + "Reload it to see the latest roles and status, then make your change again.");
        }
        return person;
    }
}
