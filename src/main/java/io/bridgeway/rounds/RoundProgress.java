package io.bridgeway.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Live progress of the solves running on this node, kept in memory: the phase that is running (pairs, then
 * circles), its elapsed time and best figures, and the best score over time. The pages read the copy in the
 * database ({@link StoredProgress}), which every node sees; this one times points and carries the stop flag.
 */
@ApplicationScoped
public class RoundProgress {

    static final int MAX_POINTS = 200;
    static final long MIN_INTERVAL_MS = 200;

    /** The solve's phases, in the order a round runs them. */
    public enum Phase {
        PAIRS, CIRCLES;

        /** The phase's name in the pages and the API: "pairs", "circles". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One new best solution. {@code elapsedMs} counts from the start of the solve; {@code matched} is the
     * matched mentee count (kept from the pairs phase while circles solve); {@code repeats} and {@code soft}
     * are known in the circles phase only.
     */
    public record Point(long elapsedMs, Phase phase, String score, int matched, Integer repeats, Long soft) {
        public String seconds() {
            return RoundProgress.seconds(elapsedMs);
        }
    }

    /**
     * The progress as it stands when read: {@code phase} is null before any phase starts;
     * {@code phaseElapsedMs} is counted up to the moment of reading, so it ticks while a phase reports nothing;
     * {@code phaseBest} is the running phase's best so far, or null until it reports one.
     */
    public record Snapshot(List<Point> points, boolean stopRequested, Phase phase, long phaseElapsedMs,
            Point phaseBest) {

        /** No solve tracked. */
        public static final Snapshot NONE = new Snapshot(List.of(), false, null, 0, null);

        public Point latest() {
            return points.isEmpty() ? null : points.get(points.size() - 1);
        }

        public String phaseName() {
            return phase == null ? null : phase.label();
        }

        public String phaseSeconds() {
            return RoundProgress.seconds(phaseElapsedMs);
        }
    }

    private static final class Track {
        final long startedAt;
        final List<Point> points = new ArrayList<>();
        volatile boolean stopRequested;
        Phase phase;
        long phaseStartedAt;
        Point phaseBest;

        Track(long now) {
            startedAt = now;
            phaseStartedAt = now;
        }
    }

    private final Map<Long, Track> tracks = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public RoundProgress() {
        this(System::currentTimeMillis);
    }

    /** @param clock milliseconds now, for tests */
    RoundProgress(LongSupplier clock) {
        this.clock = clock;
    }

    public void started(long roundId) {
        tracks.put(roundId, new Track(clock.getAsLong()));
    }

    /** A phase begins: its clock starts at zero and it has no best figures yet. */
    public void phaseStarted(long roundId, Phase phase) {
        Track track = track(roundId);
        synchronized (track) {
            track.phase = phase;
            track.phaseStartedAt = clock.getAsLong();
            track.phaseBest = null;
        }
    }

    /** A new best mentor pairing: its score and matched mentee count. Returns the point recorded. */
    public Point improvedPairs(long roundId, String score, int matched) {
        return record(roundId, Phase.PAIRS, score, matched, null, null);
    }

    /** A new best set of circles: its score, repeated meetings and soft penalty; matched stays as the pairs left it. */
    public Point improvedCircles(long roundId, String score, int repeats, long soft) {
        return record(roundId, Phase.CIRCLES, score, -1, repeats, soft);
    }

    /** Records a new best solution; thins out bursts so a long solve keeps a bounded history. */
    private Point record(long roundId, Phase phase, String score, int matched, Integer repeats, Long soft) {
        Track track = track(roundId);
        synchronized (track) {
            if (track.phase != phase) {
                track.phase = phase;
                track.phaseStartedAt = clock.getAsLong();
            }
            long elapsed = clock.getAsLong() - track.startedAt;
            List<Point> points = track.points;
            if (matched < 0) {
                matched = points.isEmpty() ? 0 : points.get(points.size() - 1).matched();
            }
            Point point = new Point(elapsed, phase, score, matched, repeats, soft);
            track.phaseBest = point;
            Point last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last != null && last.phase() == phase && elapsed - last.elapsedMs() < MIN_INTERVAL_MS) {
                points.set(points.size() - 1, point);
            } else {
                points.add(point);
            }
            if (points.size() > MAX_POINTS) {
                points.remove(1); // keep the first point: where the solve started
            }
            return point;
        }
    }

    public void stopRequested(long roundId) {
        Track track = tracks.get(roundId);
        if (track != null) {
            track.stopRequested = true;
        }
    }

    /** Whether a stop was asked for; cheap (no snapshot), as the solvers poll it while they run. */
    public boolean isStopRequested(long roundId) {
        Track track = tracks.get(roundId);
        return track != null && track.stopRequested;
    }

    public Snapshot of(long roundId) {
        Track track = tracks.get(roundId);
        if (track == null) {
            return Snapshot.NONE;
        }
        synchronized (track) {
            return new Snapshot(List.copyOf(track.points), track.stopRequested, track.phase,
                    track.phase == null ? 0 : clock.getAsLong() - track.phaseStartedAt, track.phaseBest);
        }
    }

    private Track track(long roundId) {
        return tracks.computeIfAbsent(roundId, id -> new Track(clock.getAsLong()));
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
