package io.bridgeway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.BridgewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two nodes on one database: a lease has one holder at a time, runs out unless renewed, and a job runs once. */
@QuarkusTest
class LeasesTest {

    static final Duration LEASE = Duration.ofSeconds(5);
    static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

    @Inject
    EntityManager em;

    @Inject
    BridgewayConfig config;

    /** A node of its own (its own id) at a fixed time. */
    Leases node(Instant now) {
        Leases leases = new Leases();
        leases.em = em;
        leases.config = config;
        leases.node = new ClusterNode();
        leases.clock = Clock.fixed(now, ZoneOffset.UTC);
        return leases;
    }

    static boolean tx(Callable<Boolean> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    static String fresh() {
        return "test:" + UUID.randomUUID();
    }

    /** A new job's name; its lease row exists (as the migration makes them), run out long ago. */
    String freshJob() {
        String job = "test-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into cluster_lease "
                + "(lease_name, owner_node, held_until) values (?1, '-', ?2)").setParameter(1, "job:" + job)
                .setParameter(2, T0.minusSeconds(3600)).executeUpdate());
        return job;
    }

    @Test
    void aTakeOverNeedsARunOutLeaseEvenForItsOwner() {
        String name = fresh();
        Leases a = node(T0);
        Leases b = node(T0);
        QuarkusTransaction.requiringNew().run(() -> a.create(name, LEASE));

        assertFalse(tx(() -> a.takeIfRunOut(name, LEASE)), "A's running lease: work just starting on A");
        assertFalse(tx(() -> b.takeIfRunOut(name, LEASE)), "held by A");
        assertFalse(tx(() -> a.takeIfRunOut(fresh(), LEASE)), "no lease to take");

        b.clock = Clock.fixed(T0.plusSeconds(6), ZoneOffset.UTC);
        assertTrue(tx(() -> b.takeIfRunOut(name, LEASE)), "ran out: B takes it over");
        assertTrue(tx(() -> b.holds(name)));
        assertFalse(tx(() -> a.holds(name)));
    }

    @Test
    void aHeldLeaseIsRefusedToAnotherNodeUntilItRunsOut() {
        String name = fresh();
        Leases a = node(T0);
        Leases b = node(T0);
        QuarkusTransaction.requiringNew().run(() -> a.create(name, LEASE));

        assertFalse(tx(() -> b.take(name, LEASE)), "held by A");
        assertTrue(tx(() -> a.take(name, LEASE)), "A may take its own lease again");
        assertTrue(tx(() -> a.holds(name)));

        b.clock = Clock.fixed(T0.plusSeconds(6), ZoneOffset.UTC);
        assertTrue(tx(() -> b.take(name, LEASE)), "ran out: B takes it");
        assertTrue(tx(() -> b.holds(name)));
        a.clock = b.clock;
        assertFalse(tx(() -> a.holds(name)), "A no longer holds it");
        assertFalse(tx(() -> a.renew(name, LEASE)), "and cannot renew it: it stops its work");
        QuarkusTransaction.requiringNew().run(() -> a.drop(name));
        assertTrue(tx(() -> a.exists(name)), "A cannot drop B's lease");
    }

    @Test
    void renewingKeepsTheLeaseFromOtherNodes() {
        String name = fresh();
        Leases a = node(T0);
        QuarkusTransaction.requiringNew().run(() -> a.create(name, LEASE));
        a.clock = Clock.fixed(T0.plusSeconds(4), ZoneOffset.UTC);
        assertTrue(tx(() -> a.renew(name, LEASE)));

        Leases b = node(T0.plusSeconds(8)); // past the first expiry, within the renewed one
        assertFalse(tx(() -> b.take(name, LEASE)));
        b.clock = Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC);
        assertTrue(tx(() -> b.take(name, LEASE)));
    }

    @Test
    void aLeaseHeldByOneClaimIsNotHeldByTheNodesEarlierClaim() {
        String name = fresh();
        Leases a = node(T0);
        String earlier = a.newClaim();
        String later = a.newClaim();
        QuarkusTransaction.requiringNew().run(() -> a.create(name, LEASE, earlier));
        QuarkusTransaction.requiringNew().run(() -> a.create(name, LEASE, later)); // the same work again, on A

        assertTrue(tx(() -> a.holds(name, later)));
        assertFalse(tx(() -> a.holds(name, earlier)), "the earlier work may not save");
        assertFalse(tx(() -> a.holds(name)), "nor does the node hold it, only its claim");
        assertFalse(tx(() -> a.renew(name, LEASE, earlier)), "the earlier work stops");
        QuarkusTransaction.requiringNew().run(() -> a.drop(name, earlier));
        assertTrue(tx(() -> a.renew(name, LEASE, later)), "ending the earlier work leaves the later one's lease");
        QuarkusTransaction.requiringNew().run(() -> a.drop(name, later));
        assertFalse(tx(() -> a.exists(name)));
    }

    @Test
    void ofTwoNodesRacingForARunOutLeaseExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String name = fresh();
                QuarkusTransaction.requiringNew().run(() -> node(T0).create(name, LEASE));
                Instant later = T0.plusSeconds(60);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> takes = new ArrayList<>();
                for (Leases node : List.of(node(later), node(later))) {
                    takes.add(pool.submit(() -> {
                        together.await();
                        return tx(() -> node.take(name, LEASE));
                    }));
                }
                int won = 0;
                for (Future<Boolean> take : takes) {
                    won += take.get() ? 1 : 0;
                }
                assertEquals(1, won, "one winner in race " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aScheduledJobRunsOnOneNodeAtATimeAndOncePerInterval() {
        String job = freshJob();
        Leases a = node(T0);
        Leases b = node(T0);
        AtomicInteger runs = new AtomicInteger();
        Duration quiet = Leases.quietAfter("10s");
        assertEquals(Duration.ofSeconds(8), quiet);

        assertTrue(a.runOnce(job, quiet, () -> {
            runs.incrementAndGet();
            assertFalse(b.runOnce(job, quiet, runs::incrementAndGet), "B skips while A runs");
        }));
        assertFalse(b.runOnce(job, quiet, runs::incrementAndGet), "B skips the rest of the interval");
        assertEquals(1, runs.get());

        b.clock = Clock.fixed(T0.plusSeconds(9), ZoneOffset.UTC);
        assertTrue(b.runOnce(job, quiet, runs::incrementAndGet), "the next interval: whichever node comes first");
        assertEquals(2, runs.get());
        assertEquals(Duration.ZERO, Leases.quietAfter("off"));
    }

    @Test
    void aNodeThatShutsDownGivesBackEveryLeaseItHoldsAtOnce() {
        String job = freshJob();
        String solve = fresh();
        Leases a = node(T0);
        Leases b = node(T0);
        String other = fresh();
        QuarkusTransaction.requiringNew().run(() -> b.create(other, LEASE));
        QuarkusTransaction.requiringNew().run(() -> a.create(solve, LEASE, a.newClaim()));
        assertTrue(a.runOnce(job, Leases.quietAfter("1h"), () -> { }), "A ran the job: quiet for 48 minutes");
        assertFalse(tx(() -> b.take("job:" + job, LEASE)));
        assertFalse(tx(() -> b.take(solve, LEASE)));

        a.node.stop();
        assertEquals(2, QuarkusTransaction.requiringNew().call(a::releaseAll), "the job's and the solve's");
        assertTrue(tx(() -> b.take("job:" + job, LEASE)), "B runs the job at once");
        assertTrue(tx(() -> b.take(solve, LEASE)), "and may take the solve's lease at once");
        assertTrue(tx(() -> b.holds(other)), "B's own leases stay");
        assertEquals(0, QuarkusTransaction.requiringNew().call(a::releaseAll), "A holds nothing any more");
    }

    @Test
    void aShutdownWaitsForTheJobRunInProgressWhichGivesItsLeaseBackAndStartsNoOther() throws Exception {
        String job = freshJob();
        Leases a = node(T0);
        Leases b = node(T0);
        AtomicInteger runs = new AtomicInteger();
        Duration quiet = Leases.quietAfter("1h");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> run = pool.submit(() -> a.runOnce(job, quiet, () -> {
                runs.incrementAndGet();
                running.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            running.await();
            a.node.stop(); // SIGTERM during the run
            assertFalse(a.awaitRunsHere(Duration.ofMillis(300)), "the shutdown waits while the run goes on");
            assertFalse(a.runOnce(job, Duration.ZERO, runs::incrementAndGet), "a stopping node starts no run");
            finish.countDown();
            assertTrue(a.awaitRunsHere(Duration.ofSeconds(10)));
            assertTrue(run.get());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(b.runOnce(job, quiet, runs::incrementAndGet), "the lease came back at the end of A's run, not in 48 min");
        assertEquals(2, runs.get());
    }
}
