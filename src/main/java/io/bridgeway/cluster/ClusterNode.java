package io.bridgeway.cluster;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * This process among the replicas on one database: a random id per start, the owner name in leases.
 * On shutdown it leaves the cluster in three steps, in this order (observer priorities): it stops taking
 * work ({@link #LEAVING}), its solves end (rounds.RoundJobs), then its leases go ({@link Leases#RELEASING}).
 */
@ApplicationScoped
public class ClusterNode {

    /** First of the shutdown observers: from here on this node takes no new lease. */
    public static final int LEAVING = 100;

    private final String id = UUID.randomUUID().toString();

    private volatile boolean stopping;

    public String id() {
        return id;
    }

    /** Whether this node is shutting down: it starts no job run and no solve, and gives its leases back. */
    public boolean stopping() {
        return stopping;
    }

    /** Marks this node as shutting down (the shutdown event; tests call it on a node of their own). */
    public void stop() {
        stopping = true;
    }

    /**
     * A shutdown step waits for work in progress: whether {@code done} came true within {@code within}
     * (polled every 50 ms; a step that waits longer would eat the next steps' share of the grace period).
     */
    public static boolean awaitWithin(Duration within, BooleanSupplier done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    void logId(@Observes StartupEvent event) {
        Log.infof("Cluster node id %s", id);
    }

    void leave(@Observes @Priority(LEAVING) ShutdownEvent event) {
        Log.infof("Cluster node %s is shutting down: it ends its solves and gives its leases back", id);
        stop();
    }
}
