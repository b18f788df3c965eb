package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outside dev, test and demo the app will not start with a missing, short or published session key. */
class SessionKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void productionRefusesToStartWithoutAKeyAndSaysHowToSetOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SessionKey.resolve(Optional.empty(), List.of("prod"), dataDir));
        assertTrue(e.getMessage().contains("BRIDGEWAY_SESSION_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl rand -base64 32"), e.getMessage());
        assertFalse(Files.exists(dataDir.resolve(SessionKey.FILE_NAME)), "production never generates a key");
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SessionKey.resolve(Optional.of("x".repeat(31)), List.of("prod"), dataDir));
        assertTrue(e.getMessage().contains("31 bytes"), e.getMessage());
    }

    @Test
    void theKeyOnceCommittedToTheRepositoryIsRefusedEverywhere() {
        for (String profile : List.of("prod", "demo", "dev")) {
            assertThrows(IllegalStateException.class, () -> SessionKey.resolve(
                    Optional.of("change-me-bridgeway-session-key-0123456789"), List.of(profile), dataDir));
        }
    }

    @Test
    void aLongEnoughKeyIsUsedAsGiven() {
        String key = "k".repeat(20) + "0123456789abcdef0123";
        assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), SessionKey.resolve(Optional.of(key), List.of("prod"), dataDir));
    }

    @Test
    void demoGeneratesARandomKeyOnceAndKeepsItInTheDataFolder() throws Exception {
        byte[] first = SessionKey.resolve(Optional.empty(), List.of("demo"), dataDir);
        byte[] again = SessionKey.resolve(Optional.empty(), List.of("demo"), dataDir);
        assertArrayEquals(first, again, "the same key after a restart, so sessions survive it");
        assertTrue(first.length >= SessionKey.MIN_BYTES);
        Path file = dataDir.resolve(SessionKey.FILE_NAME);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path other = Files.createDirectory(dataDir.resolve("other"));
        assertFalse(Arrays.equals(first, SessionKey.resolve(Optional.empty(), List.of("dev"), other)),
                "every installation generates its own key");
    }

    @Test
    void testsUseAFreshRandomKeyAndWriteNothing() {
        byte[] one = SessionKey.resolve(Optional.empty(), List.of("test"), dataDir);
        byte[] two = SessionKey.resolve(Optional.empty(), List.of("test"), dataDir);
        assertFalse(Arrays.equals(one, two));
        assertFalse(Files.exists(dataDir.resolve(SessionKey.FILE_NAME)));
    }
}
