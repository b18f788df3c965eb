package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.solving.HeadlessSolveSlots;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The headless solve API cannot be made to hold unbounded memory or CPU. */
@QuarkusTest
class HeadlessSolveLimitsTest {

    @Inject
    BridgewayConfig config;

    @Inject
    HeadlessSolveSlots slots;

    /** A circles instance with {@code people} people, followed by {@code tail} (the rest of the body). */
    static String circlesWith(int people, String tail) {
        StringBuilder body = new StringBuilder("{\"kind\": \"circles\", \"rounds\": 1, \"groupSize\": {\"min\": 3, \"max\": 4}, \"people\": [");
        for (int i = 0; i < people; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\": \"p").append(i).append("\", \"level\": 3}");
        }
        return body.append(tail).toString();
    }

    @Test
    void anInstanceOverThePeopleLimitIsRefusedWhileStreaming() {
        int max = config.solve().maxPeople();
        // Past the limit the body is garbage: the answer names the limit, so reading stopped before the garbage.
        String overLimit = circlesWith(max + 1, ", this is never read ]}");
        for (String solver : List.of("circles", "pairing")) {
            Response response = BadInputGets4xxTest.api().contentType("application/json").body(overLimit)
                    .post("/api/v1/solve/" + solver + "?seconds=1");
            String error = BadInputGets4xxTest.assertClientError(400, response, solver + " over the limit");
            assertTrue(error.contains("more than " + max + " people"), error);
            assertTrue(error.contains("bridgeway.solve.max-people"), error);
        }
        Response atLimit = BadInputGets4xxTest.api().contentType("application/json")
                .body(circlesWith(12, "]}")).post("/api/v1/solve/circles?seconds=1");
        assertEquals(200, atLimit.statusCode(), "a small instance still solves: " + atLimit.asString());
    }

    @Test
    void solvesBeyondTheConcurrencyCapGet429WithRetryAfter() {
        List<HeadlessSolveSlots.Slot> held = new ArrayList<>();
        try {
            for (Optional<HeadlessSolveSlots.Slot> slot = slots.tryTake(Duration.ofSeconds(30)); slot.isPresent();
                    slot = slots.tryTake(Duration.ofSeconds(30))) {
                held.add(slot.get());
            }
            assertEquals(config.solve().maxConcurrentHeadless(), held.size());
            for (String solver : List.of("circles", "pairing")) {
                Response busy = BadInputGets4xxTest.api().contentType("application/json").body(circlesWith(12, "]}"))
                        .post("/api/v1/solve/" + solver + "?seconds=1");
                String error = BadInputGets4xxTest.assertClientError(429, busy, solver + " while every slot is taken");
                assertTrue(error.contains("bridgeway.solve.max-concurrent-headless"), error);
                long retryAfter = Long.parseLong(busy.header("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= 31, "about when the first running solve ends: " + retryAfter);
            }
        } finally {
            held.forEach(HeadlessSolveSlots.Slot::close);
        }
        Response free = BadInputGets4xxTest.api().contentType("application/json").body(circlesWith(12, "]}"))
                .post("/api/v1/solve/circles?seconds=1");
        assertEquals(200, free.statusCode(), "slots are given back: " + free.asString());
    }

    @Test
    void theSecondsCeilingIsTheConfiguredMaximum() {
        int max = config.solve().maxSeconds();
        Response tooLong = BadInputGets4xxTest.api().contentType("application/json").body(circlesWith(12, "]}"))
                .post("/api/v1/solve/circles?seconds=" + (max + 1));
        String error = BadInputGets4xxTest.assertClientError(400, tooLong, "seconds over the ceiling");
        assertTrue(error.contains("from 1 to " + max), error);
    }
}
