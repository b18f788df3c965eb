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

    Solve solve();

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

    interface Solve {
        /** Largest instance (people) the solvers accept; larger ones are refused with a clear error. */
        @WithDefault("20000")
        int maxPeople();

        /** Ceiling for any one pairing solve, in seconds. */
        @WithDefault("600")
        int maxSeconds();

        /** Ceiling for a round's circle search, in seconds. */
        @WithDefault("60")
        int circlesSeconds();

        /** A round's circle search stops after this many seconds without improvement. */
        @WithDefault("5")
        int circlesUnimprovedSeconds();
    }

    interface Signup {
        /** E-mail domains allowed to sign up; empty allows any. */
        Optional<List<String>> allowedDomains();
    }
}
