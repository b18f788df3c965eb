package io.bridgeway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.BridgewayConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sign-up domain restriction, without restarting Quarkus under another configuration. */
class SignupDomainsTest {

    @Test
    void onlyConfiguredDomainsMaySignUpAndMatchingIgnoresCase() {
        ProfileService service = serviceAllowing(List.of(" Example.com", "corp.example.org", ""));
        assertEquals(List.of("example.com", "corp.example.org"), service.allowedDomains());
        assertTrue(service.domainAllowed("ana@example.com"));
        assertTrue(service.domainAllowed("ben@corp.example.org"));
        assertFalse(service.domainAllowed("eve@evil.com"));
        assertFalse(service.domainAllowed("eve@sub.example.com"), "sub-domains are not implied");
    }

    @Test
    void noConfiguredDomainsAllowsAny() {
        ProfileService service = serviceAllowing(null);
        assertTrue(service.domainAllowed("anyone@anywhere.test"));
    }

    static ProfileService serviceAllowing(List<String> domains) {
        ProfileService service = new ProfileService();
        service.config = new BridgewayConfig() {
            @Override
            public Admin admin() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Signup signup() {
                return () -> Optional.ofNullable(domains);
            }

            @Override
            public Solve solve() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Http http() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean demo() {
                return false;
            }
        };
        return service;
    }
}
