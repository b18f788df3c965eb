package io.bridgeway.people.hrimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.people.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * HR import at scale over HTTP (bench/import-bench.sh; not part of the normal test run): a generated file of
 * {@code bench.people} rows (default 10,000; eight reports per manager, every department, office and level)
 * imported, imported again unchanged, and again with every title changed. Each must take under 30 s.
 */
@QuarkusTest
class PeopleImportBench {

    static final String[] DEPARTMENTS = {"Engineering", "Product", "Design", "Data Science", "Sales", "Marketing",
            "Customer Success", "Finance", "Legal", "People", "Operations", "Security"};
    static final String[] OFFICES = {"San Francisco", "New York", "Sao Paulo", "London", "Berlin", "Bangalore",
            "Singapore", "Sydney"};

    static String generate(int people, String title) {
        StringBuilder csv = new StringBuilder(PeopleImportApiTest.HEADER);
        for (int i = 0; i < people; i++) {
            String manager = i == 0 ? "" : "E" + ((i - 1) / 8);
            csv.append("E").append(i).append(",bench").append(i).append("@example.com,Bench Person ").append(i)
                    .append(',').append(DEPARTMENTS[i % DEPARTMENTS.length]).append(',').append(title)
                    .append(',').append(1 + i % 8).append(',').append(manager).append(',')
                    .append(OFFICES[i % OFFICES.length]).append(",,en;de,").append(i % 50 == 49 ? "leaver" : "active")
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void tenThousandRowsImportInUnderThirtySeconds() {
        int people = Integer.getInteger("bench.people", 10_000);
        PeopleImportApiTest.asAdmin(); // the admin signs up first, so the count below is the import's alone
        long before = QuarkusTransaction.requiringNew().call(() -> Person.count());
        String csv = generate(people, "Engineer");
        System.out.printf("BENCH file: %d rows, %.1f MB%n", people, csv.getBytes(StandardCharsets.UTF_8).length / 1e6);

        timed("dry run", csv, true).then().statusCode(200);
        timed("first import", csv, false).then().statusCode(200);
        assertEquals(before + people, (long) QuarkusTransaction.requiringNew().call(() -> Person.count()));
        Response again = timed("unchanged re-import", csv, false);
        assertEquals(0, again.jsonPath().getInt("updated"));
        Response changed = timed("re-import, every title changed", generate(people, "Senior Engineer"), false);
        assertEquals(people, changed.jsonPath().getInt("updated"));
    }

    private static Response timed(String what, String csv, boolean dryRun) {
        long start = System.nanoTime();
        Response response = PeopleImportApiTest.post(csv, dryRun);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH %s: %.1f s, HTTP %d, %s%n", what, seconds, response.statusCode(),
                response.asString().replaceAll(",\"errors\":\\[]", ""));
        assertTrue(seconds < 30, what + " took " + seconds + " s");
        return response;
    }
}
