package io.bridgeway.web;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;

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

    /**
     * Makes the rest of a read-only page's transaction load entities read-only and never flush: otherwise
     * Hibernate dirty-checks every loaded entity before each further query and at commit, which was most of
     * the time of a 250-person round page (issue 15, bench/load.sh). Call it first thing in a
     * {@code @Transactional} read method; it does nothing when the transaction already holds entities, so a
     * write that joins it is never silently dropped.
     */
    public static void readOnly() {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        if (session.getStatistics().getEntityCount() == 0 && session.getStatistics().getCollectionCount() == 0) {
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
        }
    }
}
