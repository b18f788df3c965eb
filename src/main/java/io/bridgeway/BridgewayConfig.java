package io.bridgeway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Bridgeway's own settings (the {@code bridgeway.*} keys; environment variables BRIDGEWAY_*). */
@ConfigMapping(prefix = "bridgeway")
public interface BridgewayConfig {

    Admin admin();

    Signup signup();

    /** Load the synthetic demo company on start. */
    @WithDefault("false")
    boolean demo();

    interface Admin {
        /** Email of the first admin, created on start when there is no admin. */
        @WithDefault("admin@bridgeway.local")
        String email();

        /** Its password; when absent a random one is generated and logged once. */
        Optional<String> password();
    }

    interface Signup {
        /** E-mail domains allowed to sign up; empty allows any. */
        Optional<List<String>> allowedDomains();
    }
}
