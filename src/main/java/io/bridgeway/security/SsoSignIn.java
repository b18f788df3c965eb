package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.audit.AuditLog;
import io.bridgeway.people.Person;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs in a person whom the company's identity provider vouched for: matched by e-mail against the
 * people already in Bridgeway (HR data), never created here. When a roles claim is configured, the
 * provider's groups decide PROGRAM_MANAGER and ADMIN at every sign-in, and each change is audited.
 */
@ApplicationScoped
public class SsoSignIn {

    /** Roles the provider may grant or take away; EMPLOYEE is every person's and stays. */
    static final Set<String> PROVIDER_ROLES = Set.of(Role.PROGRAM_MANAGER, Role.ADMIN);

    public sealed interface Outcome permits SignedIn, NotInBridgeway, Deactivated {
    }

    public record SignedIn(long personId, int sessionVersion) implements Outcome {
    }

    public record NotInBridgeway() implements Outcome {
    }

    public record Deactivated() implements Outcome {
    }

    @Inject
    BridgewayConfig config;

    @Inject
    AuditLog audit;

    /** A role map naming no Bridgeway role is a typo that would silently grant nothing: refuse to start. */
    void checkRoleMap(@Observes StartupEvent start) {
        if (!config.sso().enabled()) {
            return;
        }
        config.sso().roleMap().forEach((group, role) -> {
            if (!Role.EMPLOYEE.equals(role) && !PROVIDER_ROLES.contains(role)) {
                throw new IllegalStateException("bridgeway.sso.role-map." + group + "=" + role
                        + ": not a Bridgeway role (EMPLOYEE, PROGRAM_MANAGER or ADMIN)");
            }
        });
    }

    /** {@code groups} is null when the token has no roles claim (or none is configured). */
    @Transactional
    public Outcome signIn(String email, Collection<String> groups) {
        Person person = email == null || email.isBlank() ? null : Person.findByEmail(email);
        if (person == null) {
            return new NotInBridgeway();
        }
        if (!person.active) {
            return new Deactivated();
        }
        if (config.sso().rolesClaim().isPresent()) {
            applyProviderRoles(person, groups == null ? Set.of() : groups);
        }
        return new SignedIn(person.id, person.sessionVersion);
    }

    private void applyProviderRoles(Person person, Collection<String> groups) {
        Set<String> wanted = new TreeSet<>();
        for (String group : groups) {
            String role = config.sso().roleMap().get(group);
            if (role != null && PROVIDER_ROLES.contains(role)) {
                wanted.add(role);
            }
        }
        Set<String> granted = new TreeSet<>(wanted);
        granted.removeAll(person.roles);
        Set<String> revoked = new TreeSet<>(person.roles);
        revoked.retainAll(PROVIDER_ROLES);
        revoked.removeAll(wanted);
        if (revoked.contains(Role.ADMIN) && person.isLastActiveAdmin()) {
            // Losing the last admin would lock everyone out of the admin pages; an admin must hand over first.
            revoked.remove(Role.ADMIN);
            Log.warnf("SSO: %s is the last admin; kept ADMIN although the provider's groups do not grant it",
                    person.email);
        }
        if (granted.isEmpty() && revoked.isEmpty()) {
            return;
        }
        person.roles.addAll(granted);
        person.roles.removeAll(revoked);
        person.roles.add(Role.EMPLOYEE);
        audit.recordAs(person.id, person.email, "SSO_ROLES_CHANGED", "PERSON", person.id, null,
                "From the identity provider's groups: granted " + words(granted) + "; revoked " + words(revoked));
    }

    private static String words(Set<String> roles) {
        return roles.isEmpty() ? "none" : String.join(", ", roles);
    }
}
