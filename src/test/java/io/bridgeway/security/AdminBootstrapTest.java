package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminBootstrapTest {

    @Test
    @Transactional
    void theFirstAdminIsCreatedFromConfigurationWithAGeneratedBcryptPassword() {
        Person admin = Person.findByEmail("admin@bridgeway.local");
        assertTrue(admin != null && admin.hasRole(Role.ADMIN) && admin.active);
        assertTrue(admin.passwordHash.startsWith("$2"), "stored as bcrypt, never in clear");
        assertTrue(Person.countWithRole(Role.ADMIN) >= 1);
    }
}
