package io.bridgeway.rounds;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of a round's solve in the database (tables {@code round_solve} and {@code round_progress_point}),
 * so that every replica shows it, whichever node solves. The solving node writes a round's new best at most
 * about once a second ({@link #WRITE_INTERVAL_MS}); one that came sooner waits for the next write, the
 * heartbeat or the end of the phase.
 */
@ApplicationScoped
public class StoredProgress {

    static final long WRITE_INTERVAL_MS = 1000;

    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Per round solving here: when its last point was written, and a newer one not written yet. */
    private static final class Pending {
        long writtenAt = Long.MIN_VALUE / 2; // long ago, without overflow when subtracted
        RoundProgress.Point unwritten;
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /** A solve starts (in the transaction that sets the round SOLVING): the last solve's points go. */
    void started(long roundId) {
        em.createNativeQuery("delete from round_progress_point where round_id = ?1").setParameter(1, roundId)
                .executeUpdate();
        em.createNativeQuery("delete from round_solve where round_id = ?1").setParameter(1, roundId).executeUpdate();
        em.createNativeQuery("insert into round_solve (round_id, started_at, stop_requested) values (?1, ?2, false)")
                .setParameter(1, roundId).setParameter(2, clock.instant()).executeUpdate();
        pending.remove(roundId);
    }

    /** A phase begins: written at once, with what the last phase left unwritten. */
    void phaseStarted(long roundId, RoundProgress.Phase phase) {
        flush(roundId);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update round_solve set phase = ?1, phase_started_ms = ?2 where round_id = ?3")
                .setParameter(1, phase.name()).setParameter(2, clock.millis()).setParameter(3, roundId)
                .executeUpdate());
    }

    /** A new best: written now unless the round's last write is less than a second old. */
    void improved(long roundId, RoundProgress.Point point) {
        Pending round = pending.computeIfAbsent(roundId, id -> new Pending());
        synchronized (round) {
            round.unwritten = point;
            if (clock.millis() - round.writtenAt < WRITE_INTERVAL_MS) {
                return;
            }
        }
        flush(roundId);
    }

    /** Writes the round's newest unwritten point, if any. */
    void flush(long roundId) {
        Pending round = pending.get(roundId);
        if (round == null) {
            return;
        }
        synchronized (round) {
            RoundProgress.Point point = round.unwritten;
            if (point == null) {
                return;
            }
            round.unwritten = null;
            round.writtenAt = clock.millis();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into round_progress_point "
                    + "(round_id, elapsed_ms, phase, score, matched, repeats, soft) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, roundId).setParameter(2, point.elapsedMs()).setParameter(3, point.phase().name())
                    .setParameter(4, point.score()).setParameter(5, point.matched())
                    .setParameter(6, point.repeats()).setParameter(7, point.soft()).executeUpdate());
        }
    }

    /** The solve ended (in the caller's transaction): its points stay for the round page, its running state goes. */
    void ended(long roundId) {
        em.createNativeQuery("delete from round_solve where round_id = ?1").setParameter(1, roundId).executeUpdate();
    }

    /** Forgets what this node kept for the round's writes. */
    void forget(long roundId) {
        pending.remove(roundId);
    }

    /** Asks the solving node, whichever it is, to stop (in the caller's transaction). */
    void requestStop(long roundId) {
        em.createNativeQuery("update round_solve set stop_requested = true where round_id = ?1")
                .setParameter(1, roundId).executeUpdate();
    }

    /** Of these rounds, those a manager asked to stop. */
    @SuppressWarnings("unchecked")
    List<Long> stopRequested(Collection<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return List.of();
        }
        List<Number> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select round_id from round_solve where stop_requested = true and round_id in (?1)")
                .setParameter(1, List.copyOf(roundIds)).getResultList());
        return ids.stream().map(Number::longValue).toList();
    }

    /** The round's progress as stored (in the caller's transaction), as any node sees it. */
    RoundProgress.Snapshot of(long roundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select elapsed_ms, phase, score, matched, repeats, soft "
                + "from round_progress_point where round_id = ?1 order by elapsed_ms, id")
                .setParameter(1, roundId).getResultList();
        List<RoundProgress.Point> points = new ArrayList<>();
        for (Object[] row : rows) {
            points.add(new RoundProgress.Point(((Number) row[0]).longValue(), RoundProgress.Phase.valueOf((String) row[1]),
                    (String) row[2], ((Number) row[3]).intValue(), row[4] == null ? null : ((Number) row[4]).intValue(),
                    row[5] == null ? null : ((Number) row[5]).longValue()));
        }
        if (points.size() > RoundProgress.MAX_POINTS) { // keep the first point: where the solve started
            List<RoundProgress.Point> recent = points.subList(points.size() - RoundProgress.MAX_POINTS + 1, points.size());
            List<RoundProgress.Point> kept = new ArrayList<>(List.of(points.get(0)));
            kept.addAll(recent);
            points = kept;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> solve = em.createNativeQuery("select phase, phase_started_ms, stop_requested from round_solve "
                + "where round_id = ?1").setParameter(1, roundId).getResultList();
        if (solve.isEmpty()) {
            return new RoundProgress.Snapshot(List.copyOf(points), false, null, 0, null);
        }
        Object[] row = solve.get(0);
        RoundProgress.Phase phase = row[0] == null ? null : RoundProgress.Phase.valueOf((String) row[0]);
        Long phaseStartedMs = row[1] == null ? null : ((Number) row[1]).longValue();
        RoundProgress.Point phaseBest = null;
        for (RoundProgress.Point point : points) {
            if (point.phase() == phase) {
                phaseBest = point;
            }
        }
        long phaseElapsed = phase == null || phaseStartedMs == null ? 0 : Math.max(0, clock.millis() - phaseStartedMs);
        return new RoundProgress.Snapshot(List.copyOf(points), Boolean.TRUE.equals(row[2]), phase, phaseElapsed,
                phaseBest);
    }
}
