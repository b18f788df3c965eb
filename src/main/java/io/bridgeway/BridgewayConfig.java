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

    Http http();

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

        /** Ceiling for any one solve (rounds and the headless API), in seconds. */
        @WithDefault("600")
        int maxSeconds();

        /** Headless API solves ({@code /api/v1/solve/*}) allowed at once; more get 429 with Retry-After. */
        @WithDefault("2")
        int maxConcurrentHeadless();

        /** Ceiling for a round's circle search, in seconds. */
        @WithDefault("60")
        int circlesSeconds();

        /** A round's circle search stops after this many seconds without improvement. */
        @WithDefault("5")
        int circlesUnimprovedSeconds();
    }

    interface Http {
        /**
         * The app is reached over HTTPS only (behind TLS or a TLS-terminating proxy): send HSTS and mark
         * the cookies the app sets {@code Secure}.
         */
        @WithDefault("false")
        boolean httpsOnly();
    }

    interface Signup {
        /** E-mail domains allowed to sign up; empty allows any. */
        Optional<List<String>> allowedDomains();
    }
}
