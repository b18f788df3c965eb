package io.bridgeway.solving;

import io.bridgeway.BridgewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Caps the headless solves ({@code /api/v1/solve/*}) that run at once: each holds memory for its whole
 * instance and a CPU for its time limit. A caller that finds no free slot is told when the first running
 * solve should end.
 */
@ApplicationScoped
public class HeadlessSolveSlots {

    @Inject
    BridgewayConfig config;

    private Semaphore free;
    private final Map<Slot, Instant> running = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        free = new Semaphore(config.solve().maxConcurrentHeadless());
    }

    /** A slot for a solve of about {@code limit}, or empty when every slot is taken. Close it when done. */
    public Optional<Slot> tryTake(Duration limit) {
        if (!free.tryAcquire()) {
            return Optional.empty();
        }
        Slot slot = new Slot();
        running.put(slot, Instant.now().plus(limit));
        return Optional.of(slot);
    }

    /** Whole seconds until the first running solve should end (at least 1). */
    public long secondsUntilOneEnds() {
        Instant now = Instant.now();
        return running.values().stream().min(Instant::compareTo)
                .map(end -> Math.max(1, Duration.between(now, end).toSeconds() + 1))
                .orElse(1L);
    }

    public int capacity() {
        return config.solve().maxConcurrentHeadless();
    }

    public final class Slot implements AutoCloseable {

        private Slot() {
        }

        @Override
        public void close() {
            if (running.remove(this) != null) {
                free.release();
            }
        }
    }
}
