package io.bridgeway.security;

import io.bridgeway.BridgewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The secret that signs session cookies. Outside dev, test and demo the app refuses to start without
 * one, because a known key lets anyone mint a cookie for any account. Dev and demo generate a key on
 * first start and keep it in the data folder; tests use a fresh random key per run.
 */
@ApplicationScoped
public class SessionKey {

    public static final int MIN_BYTES = 32;
    static final String FILE_NAME = "session.key";
    /** Keys that were once committed to the repository: public knowledge, never acceptable. */
    static final Set<String> PUBLISHED_KEYS = Set.of("change-me-bridgeway-session-key-0123456789");
    static final String HOW_TO_SET = "Set BRIDGEWAY_SESSION_KEY to at least " + MIN_BYTES
            + " random bytes, for example: export BRIDGEWAY_SESSION_KEY=$(openssl rand -base64 32)";

    private final byte[] key;

    @Inject
    public SessionKey(BridgewayConfig config) {
        this(resolve(config.session().key(), ConfigUtils.getProfiles(), Path.of(config.dataDir())));
    }

    SessionKey(byte[] key) {
        this.key = key;
    }

    public byte[] bytes() {
        return key.clone();
    }

    /** Resolving at start-up makes a missing key stop the app at once, not at the first sign-in. */
    void checkOnStart(@Observes @Priority(1) StartupEvent event) {
        Log.debugf("Session key ready (%d bytes)", key.length);
    }

    static byte[] resolve(Optional<String> configured, List<String> profiles, Path dataDir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            String value = configured.get().strip();
            if (PUBLISHED_KEYS.contains(value)) {
                throw new IllegalStateException("BRIDGEWAY_SESSION_KEY is a key published in the repository. " + HOW_TO_SET);
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("BRIDGEWAY_SESSION_KEY is " + bytes.length + " bytes long; it needs at least "
                        + MIN_BYTES + ". " + HOW_TO_SET);
            }
            return bytes;
        }
        if (profiles.contains("test")) {
            return random();
        }
        if (profiles.contains("dev") || profiles.contains("demo")) {
            return stored(dataDir.resolve(FILE_NAME));
        }
        throw new IllegalStateException("No session key: BRIDGEWAY_SESSION_KEY is not set. " + HOW_TO_SET);
    }

    private static byte[] stored(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(random()));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the folder's own permissions apply
                }
                Log.infof("Generated a session key in %s (dev/demo only; production sets BRIDGEWAY_SESSION_KEY)", file);
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key file " + file, e);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
