package io.bridgeway.matching;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bridgeway.matching.circles.io.CirclesInstanceJson;
import io.bridgeway.matching.circles.io.CirclesJson;
import io.bridgeway.matching.circles.solver.CirclesValidator;
import io.bridgeway.matching.pairing.domain.PairingSettings;
import io.bridgeway.matching.pairing.io.PairingJson;
import io.bridgeway.matching.pairing.solver.PairingSolutionFactory;
import io.bridgeway.support.SharedBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The readers' and validators' checks must never refuse a public instance of the shared benchmark. */
class PublicInstancesAreAcceptedTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyPublicInstanceIsReadAndValidated() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SharedBench.dir().resolve("instances"))) {
            files = listing.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        int pairing = 0;
        int circles = 0;
        for (Path file : files) {
            JsonNode root = MAPPER.readTree(file.toFile());
            switch (root.path("kind").asText()) {
                case "pairing" -> {
                    assertDoesNotThrow(() -> PairingSolutionFactory.build(PairingJson.readProblem(root,
                            PairingSettings.defaults())), file.toString());
                    pairing++;
                }
                case "circles" -> {
                    assertDoesNotThrow(() -> CirclesValidator.validate(CirclesJson.toProblem(
                            MAPPER.treeToValue(root, CirclesInstanceJson.class))), file.toString());
                    circles++;
                }
                default -> throw new AssertionError(file + " has an unknown kind " + root.path("kind"));
            }
        }
        assertTrue(pairing > 0 && circles > 0, "found " + pairing + " pairing and " + circles + " circles instances");
        assertEquals(files.size(), pairing + circles);
    }

    @Test
    void generatedPairingInstancesAreAcceptedAcrossTheRuleRange() {
        for (String[] args : List.of(new String[] {"--min-level-gap", "0"}, new String[] {"--min-level-gap", "7",
                "--cross-department", "required"}, new String[] {"--availability", "--max-offset-diff", "120"})) {
            Path file = SharedBench.generatePairing(300, 11, args);
            assertDoesNotThrow(() -> {
                try (var in = Files.newInputStream(file)) {
                    PairingSolutionFactory.build(PairingJson.readProblem(in));
                }
            }, file.toString());
        }
    }

    @Test
    void generatedCirclesInstancesWithHistoryAreAccepted() {
        // the generator's history groups are disjoint slices of the shuffled members, so no group repeats a person
        for (String[] args : List.of(new String[] {"--history"}, new String[] {"--history", "--availability",
                "--rounds", "4", "--min", "5", "--max", "6"})) {
            Path file = SharedBench.generateCircles(600, 5, args);
            assertDoesNotThrow(() -> CirclesValidator.validate(CirclesJson.toProblem(
                    MAPPER.readValue(file.toFile(), CirclesInstanceJson.class))), file.toString());
        }
    }
}
