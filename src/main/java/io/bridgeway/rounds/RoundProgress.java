package io.bridgeway.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live progress of running solves, kept in memory: the best score over time and the matched count.
 * The round page polls it; the database keeps the state that must survive a restart.
 */
@ApplicationScoped
public class RoundProgress {

    static final int MAX_POINTS = 200;
    static final long MIN_INTERVAL_MS = 200;

    public record Point(long elapsedMs, String score, int matched) {
        public String seconds() {
            return String.format(java.util.Locale.ROOT, "%.1f", elapsedMs / 1000.0);
        }
    }

    public record Snapshot(List<Point> points, boolean stopRequested) {
        public Point latest() {
            return points.isEmpty() ? null : points.get(points.size() - 1);
        }
    }

    private static final class Track {
        final long startedAt = System.currentTimeMillis();
        final List<Point> points = new ArrayList<>();
        volatile boolean stopRequested;
    }

    private final Map<Long, Track> tracks = new ConcurrentHashMap<>();

    public void started(long roundId) {
        tracks.put(roundId, new Track());
    }

    /**
     * Records a new best solution; thins out bursts so a long solve keeps a bounded history.
     * A negative {@code matched} (the circles phase) keeps the last matched count.
     */
    public void improved(long roundId, String score, int matched) {
        Track track = tracks.computeIfAbsent(roundId, id -> new Track());
        synchronized (track) {
            long elapsed = System.currentTimeMillis() - track.startedAt;
            List<Point> points = track.points;
            if (matched < 0) {
                matched = points.isEmpty() ? 0 : points.get(points.size() - 1).matched();
            }
            if (!points.isEmpty() && elapsed - points.get(points.size() - 1).elapsedMs() < MIN_INTERVAL_MS) {
                points.set(points.size() - 1, new Point(elapsed, score, matched));
            } else {
                points.add(new Point(elapsed, score, matched));
            }
            if (points.size() > MAX_POINTS) {
                points.remove(1); // keep the first point: where the solve started
            }
        }
    }

    public void stopRequested(long roundId) {
        Track track = tracks.get(roundId);
        if (track != null) {
            track.stopRequested = true;
        }
    }

    public Snapshot of(long roundId) {
        Track track = tracks.get(roundId);
        if (track == null) {
            return new Snapshot(List.of(), false);
        }
        synchronized (track) {
            return new Snapshot(List.copyOf(track.points), track.stopRequested);
        }
    }
}
