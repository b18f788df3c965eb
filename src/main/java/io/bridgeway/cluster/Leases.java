package io.bridgeway.cluster;

import io.bridgeway.BridgewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named leases in table {@code cluster_lease}: one node holds a lease until it runs out; the holder renews
 * it, any node takes it once it ran out. Every change is one conditional UPDATE (or an INSERT of a new
 * name), so it works the same on H2 and PostgreSQL. Times are the nodes' clocks: keep them in sync (NTP).
 */
@ApplicationScoped
public class Leases {

    /** Last of the shutdown observers (after the solves ended): the leases go while the datasource is still open. */
    public static final int RELEASING = 10_000;

    /** Where a given-back lease ends: long past on every node's clock, so any node takes it at once. */
    static final Instant GIVEN_BACK = Instant.parse("2000-01-01T00:00:00Z");

    /** How long a shutdown waits for this node's job runs in progress before it gives the leases back. */
    static final Duration RUNS_END_WITHIN = Duration.ofSeconds(10);

    /** Between a node's id and a claim's number in a claim's owner name (not a LIKE wildcard). */
    static final String CLAIM = "#";

    /** Numbers this node's claims (see {@link #newClaim}). */
    private final AtomicLong claims = new AtomicLong();

    /** Job runs in progress on this node. */
    private final AtomicInteger runsHere = new AtomicInteger();

    @Inject
    EntityManager em;

    @Inject
    ClusterNode node;

    @Inject
    BridgewayConfig config;

    /** Now; tests move it. */
    Clock clock = Clock.systemUTC();

    /** Takes the lease when it ran out or is ours already, until {@code now + duration}; in the caller's transaction. */
    public boolean take(String name, Duration duration) {
        return takeWhere(name, duration, "(held_until < ?4 or owner_node = ?1)");
    }

    /**
     * Takes a lease only when it ran out, whoever held it. For taking over another node's work: a running lease
     * of this node belongs to work that is just starting here (a solve between its start's commit and its
     * solver thread), not to work that was lost.
     */
    public boolean takeIfRunOut(String name, Duration duration) {
        return takeWhere(name, duration, "held_until < ?4");
    }

    private boolean takeWhere(String name, Duration duration, String condition) {
        Instant now = clock.instant();
        return em.createNativeQuery("update cluster_lease set owner_node = ?1, held_until = ?2 "
                + "where lease_name = ?3 and " + condition)
                .setParameter(1, node.id()).setParameter(2, now.plus(duration)).setParameter(3, name)
                .setParameter(4, now).executeUpdate() == 1;
    }

    /**
     * A new owner for one piece of this node's work (a round's solve): this node's id and a number, so that the
     * node's next solve of a round holds a lease that its earlier solve of that round does not. A claim is one of
     * this node's leases when the node gives them all back.
     */
    public String newClaim() {
        return node.id() + CLAIM + claims.incrementAndGet();
    }

    /** Extends a lease this node holds; false when it is no longer ours (it ran out and another node took it). */
    public boolean renew(String name, Duration duration) {
        return renew(name, duration, node.id());
    }

    /** Extends a lease held by {@code owner} (this node or one of its claims); false when it is no longer its. */
    public boolean renew(String name, Duration duration, String owner) {
        return em.createNativeQuery("update cluster_lease set held_until = ?1 where lease_name = ?2 and owner_node = ?3")
                .setParameter(1, clock.instant().plus(duration)).setParameter(2, name).setParameter(3, owner)
                .executeUpdate() == 1;
    }

    /** Creates a lease held by this node; the name must be new (a round's solve, in its start transaction). */
    public void create(String name, Duration duration) {
        create(name, duration, node.id());
    }

    /** Creates a lease held by {@code owner}, this node or one of its claims, replacing any lease of that name. */
    public void create(String name, Duration duration, String owner) {
        em.createNativeQuery("delete from cluster_lease where lease_name = ?1").setParameter(1, name).executeUpdate();
        em.createNativeQuery("insert into cluster_lease (lease_name, owner_node, held_until) values (?1, ?2, ?3)")
                .setParameter(1, name).setParameter(2, owner).setParameter(3, clock.instant().plus(duration))
                .executeUpdate();
    }

    /** Whether this node holds the lease now (it exists, is ours and has not run out). */
    public boolean holds(String name) {
        return holds(name, node.id());
    }

    /** Whether {@code owner} holds the lease now (it exists, is its and has not run out). */
    public boolean holds(String name, String owner) {
        Number held = (Number) em.createNativeQuery("select count(*) from cluster_lease where lease_name = ?1 "
                + "and owner_node = ?2 and held_until >= ?3")
                .setParameter(1, name).setParameter(2, owner).setParameter(3, clock.instant()).getSingleResult();
        return held.intValue() > 0;
    }

    /** Whether the lease exists at all (held or run out). */
    public boolean exists(String name) {
        Number found = (Number) em.createNativeQuery("select count(*) from cluster_lease where lease_name = ?1")
                .setParameter(1, name).getSingleResult();
        return found.intValue() > 0;
    }

    /** Drops a lease this node holds (a round's solve it took over ended). */
    public void drop(String name) {
        drop(name, node.id());
    }

    /** Drops a lease {@code owner} holds (a round's solve ended); another owner's lease of that name stays. */
    public void drop(String name, String owner) {
        em.createNativeQuery("delete from cluster_lease where lease_name = ?1 and owner_node = ?2")
                .setParameter(1, name).setParameter(2, owner).executeUpdate();
    }

    /**
     * Gives back every lease this node holds (in the caller's transaction): a job's or a solve's, running or
     * in its quiet time, so another node takes each over at its next try instead of when it runs out. The
     * rows stay (a job's row is made once, by migration). Returns how many were held, claims included.
     */
    public int releaseAll() {
        return em.createNativeQuery("update cluster_lease set held_until = ?1 "
                + "where (owner_node = ?2 or owner_node like ?4) and held_until >= ?3")
                .setParameter(1, GIVEN_BACK).setParameter(2, node.id()).setParameter(3, clock.instant())
                .setParameter(4, node.id() + CLAIM + "%").executeUpdate();
    }

    /**
     * Last step of a shutdown: waits (at most {@link #RUNS_END_WITHIN}) for the job runs in progress here, so
     * a mail batch ends with its messages marked sent rather than claimed until the claim runs out, then
     * gives back every lease.
     */
    void releaseOnShutdown(@Observes @Priority(RELEASING) ShutdownEvent event) {
        if (!awaitRunsHere(RUNS_END_WITHIN)) {
            Log.warnf("%d job run(s) still running on shutdown after %s", runsHere.get(), RUNS_END_WITHIN);
        }
        int released = QuarkusTransaction.requiringNew().call(this::releaseAll);
        Log.infof("Cluster node %s gave back %d lease(s)", node.id(), released);
    }

    /** Whether the job runs in progress on this node ended within {@code within}. */
    boolean awaitRunsHere(Duration within) {
        return ClusterNode.awaitWithin(within, () -> runsHere.get() == 0);
    }

    /**
     * Runs a scheduled job on one node of the cluster: the node that takes the job's lease runs it, the
     * others skip this turn. After the run the lease stays until {@code quiet} after its start, so the
     * job runs about once per interval across the cluster, not once per node. A node that dies mid-run
     * holds it until {@code bridgeway.cluster.lease} ran out; one that is shutting down starts no run and
     * gives the lease back after a run it was in. Returns whether this node ran it.
     */
    public boolean runOnce(String job, Duration quiet, Runnable run) {
        String name = "job:" + job;
        Instant started = clock.instant();
        Duration hold = config.cluster().lease();
        runsHere.incrementAndGet(); // before the check: a shutdown either sees this run or stops it starting
        try {
            if (node.stopping() || !QuarkusTransaction.requiringNew().call(() -> take(name, hold))) {
                return false;
            }
            try {
                run.run();
            } finally {
                Instant until = node.stopping() ? GIVEN_BACK : started.plus(quiet);
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update cluster_lease set held_until = ?1 where lease_name = ?2 and owner_node = ?3")
                        .setParameter(1, until).setParameter(2, name).setParameter(3, node.id()).executeUpdate());
            }
            return true;
        } finally {
            runsHere.decrementAndGet();
        }
    }

    /** The quiet time after a run of a job scheduled every {@code every} ("5s", "1h", "off"): 80% of it. */
    public static Duration quietAfter(String every) {
        try {
            return Duration.parse("PT" + every.strip().toUpperCase(java.util.Locale.ROOT)).multipliedBy(4).dividedBy(5);
        } catch (RuntimeException e) {
            Log.debugf("No interval in '%s': no quiet time", every);
            return Duration.ZERO;
        }
    }
}
