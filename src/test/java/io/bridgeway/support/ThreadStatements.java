package io.bridgeway.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements that one piece of work prepares on the calling thread. Hibernate's statistics are
 * global, so scheduled jobs (outbox, reminders, leases) running beside a test would be counted with it.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ThreadStatements implements StatementInspector {

    private static final ThreadLocal<long[]> COUNTER = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        long[] counter = COUNTER.get();
        if (counter != null) {
            counter[0]++;
        }
        return sql;
    }

    /** The statements {@code work} prepared on this thread. */
    public static long of(Runnable work) {
        long[] counter = {0};
        COUNTER.set(counter);
        try {
            work.run();
        } finally {
            COUNTER.remove();
        }
        return counter[0];
    }
}
