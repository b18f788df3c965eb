package io.bridgeway.exports;

import io.bridgeway.people.Department;
import io.bridgeway.people.Office;
import io.bridgeway.people.Person;
import io.bridgeway.programs.Enrollment;
import io.bridgeway.programs.Program;
import io.bridgeway.programs.ProgramType;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.ParticipantSnapshot;
import io.bridgeway.rounds.RoundCircle;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.rounds.RoundParticipant;
import io.bridgeway.rounds.SolveState;
import io.bridgeway.security.Role;
import io.bridgeway.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

/**
 * Not a test (no *Test name, so surefire's default run skips it): run by bench/export-bench.sh with -Xmx512m.
 * Writes a generated round of {@code bench.people} participants (default 10,000: half mentors, half mentees,
 * every one also in 3 circle meetings of 5) straight into the database, then downloads every export over
 * HTTP, reading each body as a stream, and prints time, size, rows and the heap's peak during the export.
 */
@QuarkusTest
class RoundExportBench {

    static final int PEOPLE = Integer.getInteger("bench.people", 10_000);
    static final int MEETINGS = 3;
    static final int CIRCLE_SIZE = 5;
    static final int BATCH = 500;
    static final List<String> ZONES = List.of("Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata");

    @Test
    void exportEveryFormat() throws Exception {
        String admin = WebSession.withRole("exportbench", Role.ADMIN).email;
        long generateStart = System.nanoTime();
        long roundId = generateRound(admin);
        System.out.printf("BENCH generated round %d: %d participants in %.1f s%n", roundId, PEOPLE,
                (System.nanoTime() - generateStart) / 1e9);

        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((admin + ":" + WebSession.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        AtomicLong liveAfterGc = watchLiveHeapAfterGc();
        System.out.println("BENCH | run | what | format | rows/events | MB | seconds | heap before MB"
                + " | max heap after a GC MB | peak heap MB |");
        for (int run = 1; run <= 2; run++) {
            for (ExportContent what : ExportContent.values()) {
                for (ExportFormat format : ExportFormat.values()) {
                    System.gc();
                    long before = heapUsed();
                    pools().forEach(MemoryPoolMXBean::resetPeakUsage);
                    liveAfterGc.set(before);
                    long start = System.nanoTime();
                    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + RestAssured.port + "/api/v1/rounds/" + roundId + "/export?format="
                                    + format.extension() + "&what=" + what.slug())).header("Authorization", auth).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() != 200) {
                        throw new AssertionError(what + " " + format + ": " + response.statusCode());
                    }
                    Counted counted = count(format, response.body());
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long peak = pools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                    System.out.printf("BENCH | %d | %s | %s | %s | %.1f | %.2f | %d | %d | %d |%n", run, what.slug(),
                            format.extension(), format == ExportFormat.XLSX ? "-" : String.valueOf(counted.rows),
                            counted.bytes / 1e6, seconds, before >> 20, liveAfterGc.get() >> 20, peak >> 20);
                }
            }
        }
    }

    record Counted(long rows, long bytes) {
    }

    /** Reads the body as a stream, as a client would: CSV records, ICS events, or just bytes for XLSX. */
    private static Counted count(ExportFormat format, InputStream body) throws Exception {
        CountingStream in = new CountingStream(body);
        long rows = 0;
        switch (format) {
            case CSV -> {
                try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    rows = parser.stream().count();
                }
            }
            case ICS -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    rows = reader.lines().filter("BEGIN:VEVENT"::equals).count();
                }
            }
            case XLSX -> in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new Counted(rows, in.count);
    }

    static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }

    /**
     * The largest heap use left after any GC since the last reset: what the export keeps alive. The pools'
     * peak is only an upper bound, since it includes garbage not yet collected.
     */
    private static AtomicLong watchLiveHeapAfterGc() {
        AtomicLong max = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> pools().stream().anyMatch(p -> p.getName().equals(e.getKey())))
                            .mapToLong(e -> e.getValue().getUsed()).sum();
                    max.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return max;
    }

    private static List<MemoryPoolMXBean> pools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The round, written in batches of {@value #BATCH} people per transaction; returns its id. */
    private static long generateRound(String adminEmail) {
        long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            Program program = new Program();
            program.name = "Export bench " + Instant.now();
            program.type = ProgramType.BOTH;
            program.enrollmentOpens = LocalDate.now().minusDays(10);
            program.enrollmentCloses = LocalDate.now().minusDays(1);
            program.circleRounds = MEETINGS;
            program.circleStartDate = LocalDate.now().plusWeeks(2);
            program.groupMin = CIRCLE_SIZE;
            program.groupMax = CIRCLE_SIZE;
            program.createdBy = Person.findByEmail(adminEmail);
            program.persist();
            MatchingRound round = new MatchingRound();
            round.program = program;
            round.number = 1;
            round.solveState = SolveState.SOLVED;
            round.matchedCount = PEOPLE / 2;
            round.menteeCount = PEOPLE / 2;
            round.circleMemberCount = PEOPLE;
            round.persist();
            return new long[] {program.id, round.id};
        });
        long roundId = ids[1];
        List<Long> people = new ArrayList<>();
        String tag = Long.toString(System.nanoTime(), 36);
        for (int from = 0; from < PEOPLE; from += BATCH) {
            int first = from;
            people.addAll(QuarkusTransaction.requiringNew().call(() -> {
                MatchingRound round = MatchingRound.findById(roundId);
                List<Department> departments = Department.listAll();
                List<Office> offices = Office.listAll();
                List<Long> made = new ArrayList<>();
                for (int i = first; i < Math.min(first + BATCH, PEOPLE); i++) {
                    Person p = new Person();
                    p.email = "bench" + i + "-" + tag + "@example.com";
                    p.fullName = (i % 97 == 0 ? "=HYPERLINK(\"x\") " : "") + "Bench Person " + i;
                    p.department = departments.get(i % departments.size());
                    p.office = offices.get(i % offices.size());
                    p.jobTitle = i % 2 == 0 ? "Senior engineer" : "Analyst";
                    p.level = i % 2 == 0 ? 6 : 2;
                    p.timeZone = ZONES.get(i % ZONES.size());
                    p.availability = Set.of("MON-09", "MON-10", "TUE-14", String.format("WED-%02d", 9 + i % 8), "THU-16");
                    p.languages = Set.of("en");
                    p.persist();
                    Enrollment enrollment = new Enrollment();
                    enrollment.person = p;
                    RoundParticipant participant = new RoundParticipant();
                    participant.round = round;
                    participant.person = p;
                    participant.asMentor = i % 2 == 0;
                    participant.mentorCapacity = 1;
                    participant.asMentee = i % 2 == 1;
                    participant.menteePriority = 1;
                    participant.asCircleMember = true;
                    participant.profileJson = ParticipantSnapshot.of(enrollment, Instant.now()).toJson();
                    participant.persist();
                    if (i % 2 == 1) {
                        RoundPair pair = new RoundPair();
                        pair.round = round;
                        pair.mentor = Person.findById(made.get(made.size() - 1));
                        pair.mentee = p;
                        pair.value = 1000 + i % 50;
                        pair.explanation = RoundPair.joinExplanation(List.of("priority-1 mentee (+1000)",
                                "different departments (+15)", "goal 'negotiation' is a mentor skill (+10)"));
                        pair.persist();
                    }
                    made.add(p.id);
                }
                return made;
            }));
        }
        for (int meeting = 0; meeting < MEETINGS; meeting++) {
            int stride = List.of(1, 7, 13).get(meeting % 3); // coprime with 10,000: a different mix at each meeting
            for (int from = 0; from < PEOPLE; from += BATCH) {
                int first = from;
                int index = meeting;
                QuarkusTransaction.requiringNew().run(() -> {
                    MatchingRound round = MatchingRound.findById(roundId);
                    for (int c = first; c < Math.min(first + BATCH, PEOPLE); c += CIRCLE_SIZE) {
                        RoundCircle circle = new RoundCircle();
                        circle.round = round;
                        circle.meetingIndex = index;
                        circle.circleNumber = c / CIRCLE_SIZE + 1;
                        circle.meetingMinute = 9 * 60 + (c % 3) * 24 * 60;
                        circle.meetingUtcStart = List.of("MON", "TUE", "WED").get(c % 3) + "-09:00 UTC";
                        circle.explanation = "four departments (+12)";
                        for (int m = 0; m < CIRCLE_SIZE; m++) {
                            circle.members.add(new RoundCircle.Member(
                                    Person.getEntityManager().getReference(Person.class,
                                            people.get((int) ((long) (c + m) * stride % PEOPLE))), false));
                        }
                        circle.persist();
                    }
                });
            }
        }
        return roundId;
    }
}
