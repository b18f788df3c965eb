package io.bridgeway.support;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

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

    /** Statements reading or writing person and its collection tables (not a person_id column elsewhere). */
    private static final Pattern PERSON_TABLES = Pattern.compile(
            "\\b(from|join|update|into)\\s+person(_role|_language|_skill|_goal|_availability)?\\b");
    private static final AtomicLong PERSON_STATEMENTS = new AtomicLong();
    private static volatile boolean countingPersonTables;

    @Override
    public String inspect(String sql) {
        long[] counter = COUNTER.get();
        if (counter != null) {
            counter[0]++;
        }
        if (countingPersonTables && PERSON_TABLES.matcher(sql.toLowerCase(Locale.ROOT)).find()) {
            PERSON_STATEMENTS.incrementAndGet();
        }
        return sql;
    }

    /**
     * The statements on the person tables, on any thread, while {@code work} runs: for a page request, which the
     * server runs on a worker thread of its own. Not for tests that run in parallel.
     */
    public static synchronized long onPersonTables(Runnable work) {
        PERSON_STATEMENTS.set(0);
        countingPersonTables = true;
        try {
            work.run();
        } finally {
            countingPersonTables = false;
        }
        return PERSON_STATEMENTS.get();
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
