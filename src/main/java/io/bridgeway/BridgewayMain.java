package io.bridgeway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * Runs every node in UTC, whatever the host's zone. Times are stored without a zone, and both H2 and PostgreSQL
 * convert a stored time with the connection's zone, which the drivers take from the JVM's: two replicas in
 * different zones would read each other's lease deadlines and sign-in failures hours off. Set before Quarkus
 * starts, so that no connection, log handler or clock has read the host's zone yet. People's own times are
 * shown in their office's zone, never the server's.
 */
@QuarkusMain
public class BridgewayMain {

    public static void main(String... args) {
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        Quarkus.run(args);
    }
}
