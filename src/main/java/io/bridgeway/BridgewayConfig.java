package io.bridgeway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bridgeway's own settings (the {@code bridgeway.*} keys; environment variables BRIDGEWAY_*). */
@ConfigMapping(prefix = "bridgeway")
public interface BridgewayConfig {

    Admin admin();

    Signup signup();

    Solve solve();

    Session session();

    Login login();

    /**
     * The address people open Bridgeway at, e.g. {@code https://bridgeway.example.com}: password-reset links
     * and the API document's server. Unset, links use {@link #LOCAL_URL} and the document names no server.
     */
    Optional<String> publicUrl();

    String LOCAL_URL = "http://localhost:8080";

    /** A configured public address without surrounding blanks and trailing slashes; empty when unset or blank. */
    static Optional<String> baseUrl(Optional<String> publicUrl) {
        return publicUrl.map(url -> url.strip().replaceAll("/+$", "")).filter(url -> !url.isEmpty());
    }

    /** Folder for the embedded database and, in dev and demo, the generated session key. */
    @WithDefault("./data")
    String dataDir();

    Outbox outbox();

    Cluster cluster();

    Jobs jobs();

    Feedback feedback();

    Http http();
    /** HR import ({@code bridgeway.import.*}). */
    @WithName("import")
    Import hrImport();

    Sso sso();

    Profile profile();

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

    interface Session {
        /**
         * Signs the session cookie (BRIDGEWAY_SESSION_KEY), at least 32 bytes. Required outside dev, test
         * and demo; those generate one (dev and demo keep it in the data folder).
         */
        Optional<String> key();

        /** A session that sees no request for this long ends. */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however active. */
        @WithDefault("PT12H")
        Duration absoluteTimeout();

        /** How often an active session's cookie is re-issued to move its idle deadline. */
        @WithDefault("PT1M")
        Duration renewAfter();
    }

    interface Login {
        /** Failed sign-ins allowed per account within {@link #window()} before it is throttled. */
        @WithDefault("5")
        int maxFailuresPerAccount();

        /** Failed sign-ins allowed per client address within {@link #window()}. */
        @WithDefault("30")
        int maxFailuresPerAddress();

        @WithDefault("PT15M")
        Duration window();

        /**
         * An account that signed in successfully from a client address within this period is not held up by the
         * failures of others from that address (many people behind one office or VPN address); its own limit
         * still applies. 0 turns this off.
         */
        @WithDefault("P30D")
        Duration knownAddressFor();

        /** How long a successful HTTP Basic check is remembered (no bcrypt for repeat calls); 0 turns it off. */
        @WithDefault("PT60S")
        Duration basicCacheFor();
    }

    /** The mail outbox sender. */
    interface Outbox {
        /** How often the sender runs, e.g. {@code 5s}; {@code off} stops it (another instance may send). */
        @WithDefault("5s")
        String interval();

        /** Messages one sender claims and sends per run. */
        @WithDefault("20")
        int batchSize();

        /** Attempts before a message is marked FAILED (an admin can retry it). */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; it doubles with each further failure. */
        @WithDefault("30s")
        Duration backoff();

        /** Longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /**
         * How long a claimed message belongs to the sender that claimed it. After a crash the message is
         * sent again once the claim ran out; keep it longer than sending one batch takes.
         */
        @WithDefault("5m")
        Duration claimTimeout();
    }

    /** Several replicas on one database ({@code bridgeway.cluster.*}, see docs/architecture.md). */
    interface Cluster {
        /**
         * How long a node's lease on a round's solve or a scheduled job's run lasts unless renewed. When a
         * node dies, another takes its work over after this: a round it was solving is marked INTERRUPTED.
         * A node that shuts down does that itself and gives its leases back at once.
         */
        @WithDefault("30s")
        Duration lease();

        /**
         * How often each node renews its leases, stores pending progress, picks up stop requests made on
         * other nodes, and (one node at a time) looks for leases that ran out, e.g. {@code 5s}. Keep it
         * well below {@link #lease()}.
         */
        @WithDefault("5s")
        String heartbeat();
    }

    /** Surveys after a round ({@code bridgeway.feedback.*}). */
    interface Feedback {
        /** How often due, unanswered surveys are looked for and reminded of (once each), e.g. {@code 1h}. */
        @WithDefault("1h")
        String reminderInterval();
    }

    /** Scheduled jobs ({@code bridgeway.jobs.*}): outbox sender, survey reminders, lease recovery, throttle purge. */
    interface Jobs {
        /**
         * How long after a start the jobs first run (then at their own intervals), e.g. {@code 5s}: on small
         * machines their first queries (which load Hibernate's query parser) would otherwise take CPU from the
         * start and its first requests. Read by the {@code @Scheduled} annotations.
         */
        @WithDefault("5s")
        String firstRunAfter();
    }

    interface Http {
        /**
         * The app is reached over HTTPS only (behind TLS or a TLS-terminating proxy): send HSTS and mark
         * the cookies the app sets {@code Secure}.
         */
        @WithDefault("false")
        boolean httpsOnly();

        /**
         * The largest body a request may declare, except on {@link #largeBodyPaths()}, which may send up to
         * {@code quarkus.http.limits.max-body-size}: sign-in, profile and review forms need a few KB, and an
         * anonymous client must not make the app read and echo megabytes.
         */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /** Path prefixes whose requests carry large bodies: the HR import and the headless solve API. */
        @WithDefault("/admin/people/import,/api/v1/people/import,/api/v1/solve/")
        java.util.List<String> largeBodyPaths();
    }

    /** Company sign-in by OpenID Connect beside passwords; the provider itself is set by {@code quarkus.oidc.*}. */
    interface Sso {
        /** Offer "Sign in with your company account" (/sso/login). Also switches the OIDC tenant on. */
        @WithDefault("false")
        boolean enabled();

        /** The ID-token claim that holds the e-mail matched against people's accounts. */
        @WithDefault("email")
        String emailClaim();

        /**
         * The ID-token claim listing the person's groups (e.g. {@code groups}). When set, PROGRAM_MANAGER
         * and ADMIN follow the provider at every SSO sign-in; when absent, roles are managed in the app.
         */
        Optional<String> rolesClaim();

        /** Group name to Bridgeway role, e.g. {@code bridgeway.sso.role-map.bridgeway-admins=ADMIN}. */
        Map<String, String> roleMap();
    }

    /** HR import ({@code bridgeway.import.*}). */
    interface Import {
        /** Largest HR import file (bytes) accepted; larger ones get 413. */
        @WithDefault("10485760")
        long maxBytes();
    }

    interface Profile {
        /**
         * How long a read profile page view is reused while the person's row is unchanged; the names of their
         * manager, department and office shown on it can lag this long. 0 turns it off.
         */
        @WithDefault("PT30S")
        Duration viewCacheFor();
    }

    interface Signup {
        /** E-mail domains allowed to sign up; empty allows any. */
        Optional<List<String>> allowedDomains();
    }
}
