package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress every node reads: written at most once a second per round, the newest point never lost. */
@QuarkusTest
class StoredProgressTest {

    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

    @Inject
    EntityManager em;

    @Test
    void pointsAreThrottledToOneASecondAndTheNewestIsFlushed() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("stored", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        StoredProgress stored = new StoredProgress();
        stored.em = em;
        stored.clock = Clock.fixed(T0, ZoneOffset.UTC);

        QuarkusTransaction.requiringNew().run(() -> stored.started(roundId));
        assertTrue(read(stored, roundId).points().isEmpty(), "a new solve starts without the last one's points");
        stored.phaseStarted(roundId, RoundProgress.Phase.PAIRS);
        stored.improved(roundId, point(0, "0hard/-9soft"));
        at(stored, 300);
        stored.improved(roundId, point(300, "0hard/-8soft")); // under a second after the last write: waits
        stored.improved(roundId, point(350, "0hard/-7soft"));
        assertEquals(List.of("0hard/-9soft"), scores(read(stored, roundId)));

        at(stored, 1_200);
        stored.improved(roundId, point(1_200, "0hard/-6soft"));
        assertEquals(List.of("0hard/-9soft", "0hard/-6soft"), scores(read(stored, roundId)), "the latest replaced the waiting one");
        at(stored, 1_500);
        stored.improved(roundId, point(1_500, "0hard/-5soft"));
        stored.flush(roundId); // the heartbeat or the end of the phase
        RoundProgress.Snapshot running = read(stored, roundId);
        assertEquals(List.of("0hard/-9soft", "0hard/-6soft", "0hard/-5soft"), scores(running));
        assertEquals("pairs", running.phaseName());
        assertEquals(1_500, running.phaseElapsedMs(), "counted from the stored phase start");
        assertEquals("0hard/-5soft", running.phaseBest().score());
        assertFalse(running.stopRequested());

        QuarkusTransaction.requiringNew().run(() -> stored.requestStop(roundId));
        assertTrue(read(stored, roundId).stopRequested(), "a Stop on any node is seen by the solving one");
        assertEquals(List.of(roundId), stored.stopRequested(List.of(roundId, -1L)));

        QuarkusTransaction.requiringNew().run(() -> stored.ended(roundId));
        RoundProgress.Snapshot ended = read(stored, roundId);
        assertNull(ended.phase(), "no running phase once ended");
        assertEquals(3, ended.points().size(), "the history stays for the round page");
    }

    static RoundProgress.Point point(long elapsedMs, String score) {
        return new RoundProgress.Point(elapsedMs, RoundProgress.Phase.PAIRS, score, 3, null, null);
    }

    static void at(StoredProgress stored, long ms) {
        stored.clock = Clock.fixed(T0.plusMillis(ms), ZoneOffset.UTC);
    }

    static RoundProgress.Snapshot read(StoredProgress stored, long roundId) {
        return QuarkusTransaction.requiringNew().call(() -> stored.of(roundId));
    }

    static List<String> scores(RoundProgress.Snapshot snapshot) {
        return snapshot.points().stream().map(RoundProgress.Point::score).toList();
    }
}
