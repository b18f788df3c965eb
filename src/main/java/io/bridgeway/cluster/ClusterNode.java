package io.bridgeway.cluster;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/** This process among the replicas on one database: a random id per start, the owner name in leases. */
@ApplicationScoped
public class ClusterNode {

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }

    void logId(@Observes StartupEvent event) {
        Log.infof("Cluster node id %s", id);
    }
}
