package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A first admin whose configured address mail cannot reach stops the start with a clear message. */
class AdminBootstrapRefusesUnsendableEmailTest {

    @Test
    void aConfiguredAdminEmailMustPassTheRule() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> AdminBootstrap.adminEmail("smith,john@x.com"));
        assertTrue(refused.getMessage().contains("BRIDGEWAY_ADMIN_EMAIL"), refused.getMessage());
        assertTrue(refused.getMessage().contains("',' cannot be used"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> AdminBootstrap.adminEmail("admin"));
        assertThrows(IllegalStateException.class, () -> AdminBootstrap.adminEmail("<admin@x.com>"));
    }

    @Test
    void aGoodOneIsNormalized() {
        assertEquals("admin@bridgeway.local", AdminBootstrap.adminEmail(" Admin@Bridgeway.Local "));
    }
}
