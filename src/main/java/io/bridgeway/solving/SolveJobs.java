package io.bridgeway.solving;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Job ids and time limits for solver jobs. Headless API jobs take negative ids so they never clash
 * with matching rounds, whose job id is the round id.
 */
@ApplicationScoped
public class SolveJobs {

    private final AtomicLong nextHeadlessId = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bridgeway-solve-timer");
        thread.setDaemon(true);
        return thread;
    });

    public long nextHeadlessJobId() {
        return -nextHeadlessId.incrementAndGet();
    }

    /** Runs {@code stop} after {@code limit}, e.g. SolverManager::terminateEarly for the job. */
    public void after(Duration limit, Runnable stop) {
        timer.schedule(stop, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }
}
