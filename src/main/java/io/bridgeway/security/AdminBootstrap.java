package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.people.EmailAddress;
import io.bridgeway.people.Person;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Makes sure there is always a way in: on a start with no active admin, create one from configuration. */
@ApplicationScoped
public class AdminBootstrap {

    @Inject
    BridgewayConfig config;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        String email = adminEmail(config.admin().email());
        Optional<String> created;
        try {
            created = createIfNoAdmin(email);
        } catch (RuntimeException e) {
            // Replicas starting together on an empty database: another one committed the admin first.
            if (!adminExists()) {
                throw e;
            }
            created = Optional.empty();
        }
        // Echo a configured password only in dev or demo mode: in production it is a secret, and logs are collected.
        boolean showPassword = LaunchMode.current() == LaunchMode.DEVELOPMENT || config.demo();
        if (created.isPresent()) {
            // Logged only after the commit, so the password shown is the one that works.
            if (config.admin().password().isEmpty()) {
                Log.infof("Created the first admin. Admin login: %s / %s  (generated; shown only this once, change it"
                        + " by setting BRIDGEWAY_ADMIN_PASSWORD)", email, created.get());
            } else {
                Log.infof("Created the first admin. Admin login: %s%s", email, showPassword ? " / " + created.get()
                        : " (password as set in BRIDGEWAY_ADMIN_PASSWORD)");
            }
            return;
        }
        String hint = showPassword && config.admin().password().isPresent()
                ? " / " + config.admin().password().get()
                : " (password as set in BRIDGEWAY_ADMIN_PASSWORD, or as logged on first start)";
        Log.infof("Admin login: %s%s", email, hint);
    }

    /** The new admin's password when this start created one; empty when an active admin exists. */
    @Transactional
    Optional<String> createIfNoAdmin(String email) {
        if (adminExists()) {
            return Optional.empty();
        }
        String password = config.admin().password().orElseGet(Passwords::generate);
        Person admin = Person.findByEmail(email);
        if (admin != null && admin.active && admin.hasRole(Role.ADMIN)) {
            return Optional.empty(); // another instance committed it after our count: keep its password
        }
        if (admin == null) {
            admin = new Person();
            admin.email = email;
            admin.fullName = "Bridgeway Admin";
        }
        admin.active = true;
        admin.passwordHash = Passwords.hash(password);
        admin.roles.add(Role.ADMIN);
        admin.roles.add(Role.EMPLOYEE);
        admin.persist();
        return Optional.of(password);
    }

    @Transactional
    boolean adminExists() {
        return Person.countWithRole(Role.ADMIN) > 0;
    }

    /** The configured admin e-mail, normalized; a start with an address mail cannot reach stops here. */
    static String adminEmail(String configured) {
        String email = EmailAddress.normalize(configured);
        EmailAddress.problem(email).ifPresent(problem -> {
            throw new IllegalStateException("bridgeway.admin.email (BRIDGEWAY_ADMIN_EMAIL) '" + configured
                    + "' is not a usable email address: " + problem);
        });
        return email;
    }
}
