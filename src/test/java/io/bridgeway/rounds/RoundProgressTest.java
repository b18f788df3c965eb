package io.bridgeway.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RoundProgressTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RoundProgress progress = new RoundProgress(now::get);

    @Test
    void thePhaseClockTicksAtReadingEvenWhenNothingImproves() {
        progress.started(7);
        progress.phaseStarted(7, RoundProgress.Phase.PAIRS);
        now.addAndGet(150);
        progress.improvedPairs(7, "0hard/120soft", 3);
        now.addAndGet(2_000);
        progress.phaseStarted(7, RoundProgress.Phase.CIRCLES);
        now.addAndGet(12_300); // the circle search reports only at its end

        RoundProgress.Snapshot during = progress.of(7);
        assertEquals("circles", during.phaseName());
        assertEquals(12_300, during.phaseElapsedMs(), "counted from the phase start, not the last improvement");
        assertEquals("12.3", during.phaseSeconds());
        assertNull(during.phaseBest(), "no circles figures until the search reports");
        assertEquals(3, during.latest().matched(), "the pairs' matched count stays");

        now.addAndGet(700);
        assertEquals(13_000, progress.of(7).phaseElapsedMs(), "every poll sees the clock move");
    }

    @Test
    void eachPhaseShowsItsOwnBestFigures() {
        progress.started(8);
        progress.phaseStarted(8, RoundProgress.Phase.PAIRS);
        progress.improvedPairs(8, "0hard/90soft", 4);
        now.addAndGet(500);
        progress.improvedPairs(8, "0hard/130soft", 5);
        RoundProgress.Point pairsBest = progress.of(8).phaseBest();
        assertEquals(RoundProgress.Phase.PAIRS, pairsBest.phase());
        assertEquals(5, pairsBest.matched());
        assertEquals("0hard/130soft", pairsBest.score());
        assertNull(pairsBest.repeats());

        now.addAndGet(1_000);
        progress.phaseStarted(8, RoundProgress.Phase.CIRCLES);
        now.addAndGet(4_000);
        progress.improvedCircles(8, "0hard/-2medium/-300soft", 2, 300);
        RoundProgress.Snapshot circles = progress.of(8);
        assertEquals(4_000, circles.phaseElapsedMs());
        assertEquals(2, circles.phaseBest().repeats());
        assertEquals(300L, circles.phaseBest().soft());
        assertEquals(5, circles.phaseBest().matched(), "matched is kept from the pairs");
        assertEquals(3, circles.points().size(), "the history keeps both phases");
        assertEquals(RoundProgress.Phase.CIRCLES, circles.latest().phase());
    }

    @Test
    void anUntrackedRoundHasNoPhase() {
        RoundProgress.Snapshot none = progress.of(99);
        assertNull(none.phase());
        assertEquals(0, none.phaseElapsedMs());
    }
}
