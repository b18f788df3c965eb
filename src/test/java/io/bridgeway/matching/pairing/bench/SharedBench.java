package io.bridgeway.matching.pairing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Locates /work/shared/bench (tests and benchmarks only; product code never reads it) and runs check.py. */
public final class SharedBench {

    private SharedBench() {
    }

    /** ../shared/bench from the project root (Maven's working dir), else -Dbridgeway.sharedBench. */
    public static Path dir() {
        String configured = System.getProperty("bridgeway.sharedBench");
        if (configured != null) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("bench");
            if (Files.isRegularFile(candidate.resolve("check.py"))) {
                return candidate;
            }
        }
        return here.resolve("../shared/bench").normalize();
    }

    public static Path instance(String fileName) {
        return dir().resolve("instances").resolve(fileName);
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

    /** Runs generate.py into target/bench and returns the file (reused when present). */
    public static Path generatePairing(int people, int seed, String... extraArgs) {
        try {
            String suffix = extraArgs.length == 0 ? "" : "-" + String.join("", extraArgs).replaceAll("[^A-Za-z0-9]", "");
            Path out = Path.of("target", "bench", "pairing-" + people + "-seed" + seed + suffix + ".json");
            Files.createDirectories(out.getParent());
            if (!Files.exists(out)) {
                List<String> command = new java.util.ArrayList<>(List.of("python3", dir().resolve("generate.py").toString(),
                        "pairing", "--people", Integer.toString(people), "--seed", Integer.toString(seed)));
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
