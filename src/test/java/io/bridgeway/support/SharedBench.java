package io.bridgeway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way tests and benchmarks reach the shared benchmark folder (check.py, generate.py, instances/); product
 * code never reads it. A test that needs it is skipped, with a message saying so, when the folder is absent.
 */
public final class SharedBench {

    private SharedBench() {
    }

    /**
     * -Dbridgeway.sharedBench, else the first shared/bench holding check.py found walking up from the working
     * directory (../shared/bench from a worktree). Aborts (skips) the calling test when there is none.
     */
    public static Path dir() {
        String configured = System.getProperty("bridgeway.sharedBench");
        Path found = configured != null ? Path.of(configured) : search();
        Assumptions.assumeTrue(found != null && Files.isRegularFile(found.resolve("check.py")),
                () -> "skipped: the shared benchmark folder (shared/bench with check.py, generate.py and instances/) "
                        + (configured != null ? "is not at -Dbridgeway.sharedBench=" + configured
                        : "was not found above " + Path.of("").toAbsolutePath() + "; set -Dbridgeway.sharedBench=<dir>"));
        return found;
    }

    private static Path search() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("bench");
            if (Files.isRegularFile(candidate.resolve("check.py"))) {
                return candidate;
            }
        }
        return null;
    }

    /** A file of shared/bench/instances, e.g. "pairing-120.json". */
    public static Path instance(String fileName) {
        return dir().resolve("instances").resolve(fileName);
    }

    /** The text of a shared instance file (a request body for the solve APIs). */
    public static String readInstance(String fileName) {
        try {
            return Files.readString(instance(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** check.py's output plus its exit code. */
    public record Check(int exitCode, JsonNode figures) {
        public boolean valid() {
            return exitCode == 0 && figures.path("valid").asBoolean();
        }

        public long objective() {
            return figures.path("objective").asLong();
        }
    }

    public static Check check(Path instance, Path solution) {
        try {
            Process process = new ProcessBuilder(List.of("python3", dir().resolve("check.py").toString(),
                    instance.toString(), solution.toString())).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            int exit = process.waitFor();
            return new Check(exit, new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run check.py", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs generate.py pairing into target/bench and returns the file (reused when present). */
    public static Path generatePairing(int people, int seed, String... extraArgs) {
        return generate("pairing", people, seed, extraArgs);
    }

    /** Runs generate.py circles into target/bench and returns the file (reused when present). */
    public static Path generateCircles(int people, int seed, String... extraArgs) {
        return generate("circles", people, seed, extraArgs);
    }

    private static Path generate(String kind, int people, int seed, String... extraArgs) {
        try {
            String suffix = extraArgs.length == 0 ? "" : "-" + String.join("", extraArgs).replaceAll("[^A-Za-z0-9]", "");
            Path out = Path.of("target", "bench", kind + "-" + people + "-seed" + seed + suffix + ".json");
            Files.createDirectories(out.getParent());
            if (!Files.exists(out)) {
                List<String> command = new java.util.ArrayList<>(List.of("python3", dir().resolve("generate.py").toString(),
                        kind, "--people", Integer.toString(people), "--seed", Integer.toString(seed)));
                command.addAll(List.of(extraArgs));
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("generate.py failed");
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
