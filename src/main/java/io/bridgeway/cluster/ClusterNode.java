package io.bridgeway.cluster;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

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

    void logId(@Observes StartupEvent event) {
        Log.infof("Cluster node id %s", id);
    }

    void leave(@Observes @Priority(LEAVING) ShutdownEvent event) {
        Log.infof("Cluster node %s is shutting down: it ends its solves and gives its leases back", id);
        stop();
    }
}
