package io.bridgeway.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;

/**
 * Runs a change in its own transaction and commits it before returning. A write that lost to a
 * concurrent commit (optimistic locking, also when detected only at commit) becomes a
 * {@link StaleEditException}, so callers see one exception for every stale edit.
 */
public final class Transactions {

    private Transactions() {
    }

    public static <T> T write(Supplier<T> change) {
        try {
            return QuarkusTransaction.requiringNew().call(change::get);
        } catch (RuntimeException e) {
            if (e instanceof StaleEditException || !StaleWrites.isStaleWrite(e)) {
                throw e;
            }
            throw StaleEditException.changedBy(null);
        }
    }

    public static void write(Runnable change) {
        write(() -> {
            change.run();
            return null;
        });
    }
}
