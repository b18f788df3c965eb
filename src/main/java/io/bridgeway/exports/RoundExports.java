package io.bridgeway.exports;

import io.bridgeway.audit.AuditLog;
import io.bridgeway.notifications.MeetingInvites;
import io.bridgeway.people.Person;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.RoundCircle;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.rounds.RoundMeetings;
import io.bridgeway.web.Found;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A round's pairs, circles or meeting schedule as CSV, XLSX or a whole-round ICS, for managers and admins.
 * {@link #prepare} checks the request and records it in the audit log; the returned body then streams the
 * file batch by batch in its own read transaction. Only names, work contact data and the matches go out:
 * no do-not-pair list, rating or feedback is read.
 */
@ApplicationScoped
public class RoundExports {

    /** A streaming read of a large round may outlast the default transaction timeout. */
    static final int STREAM_TIMEOUT_SECONDS = 900;
    static final String FORMER_EMPLOYEE = "Former employee";

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "quarkus.mailer.from")
    String organizer;

    /** A file ready to stream: its name (DRAFT marked), media type and body. */
    public record Export(String fileName, String mediaType, StreamingOutput body) {
    }

    /** Validates format and content (400), finds the round (404) and audits the export; nothing is read yet. */
    @Transactional
    public Export prepare(long roundId, String formatName, String contentName) {
        ExportFormat format = ExportFormat.parse(formatName);
        ExportContent content = ExportContent.parse(contentName);
        MatchingRound round = Found.orNotFound(MatchingRound.findById(roundId));
        audit.record("ROUND_EXPORTED", "ROUND", round.id, round.program.id,
                "format=" + format.extension() + " what=" + content.slug() + " status=" + round.status);
        String fileName = "round-" + round.id + "-" + content.slug() + (round.draft() ? "-DRAFT" : "") + "."
                + format.extension();
        return new Export(fileName, format.mediaType, out -> QuarkusTransaction.requiringNew()
                .timeout(STREAM_TIMEOUT_SECONDS).run(() -> write(roundId, format, content, out)));
    }

    /** Writes the export to {@code out}; needs a transaction. */
    void write(long roundId, ExportFormat format, ExportContent content, OutputStream out) {
        MatchingRound round = MatchingRound.findById(roundId);
        RoundExportSource source = new RoundExportSource(round);
        String status = round.status.name();
        String program = round.program.name;
        if (format == ExportFormat.ICS) {
            calendar(roundId, source, content, program, out);
            return;
        }
        try (TableWriter table = TableWriter.open(format, content.slug(), content.headers, out)) {
            switch (content) {
                case PAIRS -> source.pairs(false, p -> table.row(pairRow(roundId, status, p.pair())));
                case CIRCLES -> source.circles(c -> c.circle().members.forEach(
                        member -> table.row(memberRow(roundId, status, c, member))));
                case SCHEDULE -> {
                    source.pairs(true, p -> table.row(kickoffRow(roundId, status, p)));
                    source.circles(c -> table.row(circleMeetingRow(roundId, status, c)));
                }
            }
        }
    }

    /** One VEVENT per dated meeting: pair kick-offs (pairs), circle meetings (circles), or both (schedule). */
    private void calendar(long roundId, RoundExportSource source, ExportContent content, String program, OutputStream out) {
        try {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try (var calendar = new MeetingInvites.CalendarWriter(writer, organizer, Instant.now())) {
                if (content != ExportContent.CIRCLES) {
                    source.pairs(true, p -> {
                        if (p.kickoff() != null) {
                            add(calendar, RoundMeetings.kickoff(roundId, p.pair(), program,
                                    p.kickoffWeek(), p.kickoff()));
                        }
                    });
                }
                if (content != ExportContent.PAIRS) {
                    source.circles(c -> {
                        if (c.start() != null) {
                            add(calendar, RoundMeetings.circleMeeting(roundId, c.circle(), program,
                                    c.people(), c.start()));
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(MeetingInvites.CalendarWriter calendar, MeetingInvites.Meeting meeting) {
        try {
            calendar.add(meeting);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> pairRow(long roundId, String status, RoundPair pair) {
        List<Object> row = new ArrayList<>(List.of(roundId, status, pair.id));
        row.addAll(person(pair.mentor));
        row.addAll(person(pair.mentee));
        row.addAll(List.of(pair.pinned, pair.forced, pair.value, String.join("; ", pair.explanationLines())));
        return row;
    }

    private static List<Object> memberRow(long roundId, String status, RoundExportSource.DatedCircle dated,
            RoundCircle.Member member) {
        RoundCircle circle = dated.circle();
        List<Object> row = new ArrayList<>(Arrays.asList(roundId, status, circle.meetingIndex + 1, circle.circleNumber,
                circle.id, iso(dated.start()), circle.meetingUtcStart));
        row.addAll(person(member.person));
        row.add(member.pinned);
        return row;
    }

    private static List<Object> kickoffRow(long roundId, String status, RoundExportSource.PairWithKickoff p) {
        List<Person> people = Stream.of(p.pair().mentor, p.pair().mentee).filter(Objects::nonNull).toList();
        return meetingRow(roundId, status, "pair_kickoff", p.pair().id, 1, p.kickoff(), people,
                p.kickoff() == null ? "No common free hour in the kick-off week: agree a time together." : "");
    }

    private static List<Object> circleMeetingRow(long roundId, String status, RoundExportSource.DatedCircle c) {
        String note = c.circle().meetingNote != null ? c.circle().meetingNote
                : c.start() == null ? "No common hour: agree a time together." : "";
        return meetingRow(roundId, status, "circle_meeting", c.circle().id, c.circle().meetingIndex + 1, c.start(),
                c.people(), note);
    }

    private static List<Object> meetingRow(long roundId, String status, String kind, long groupId, int meeting,
            Instant start, List<Person> people, String note) {
        return Arrays.asList(roundId, status, kind, groupId, meeting, iso(start),
                start == null ? null : iso(start.plus(RoundMeetings.LENGTH)),
                String.join("; ", people.stream().map(p -> p.fullName).toList()),
                String.join("; ", people.stream().map(p -> p.email).toList()), note);
    }

    /** Name, e-mail, department, title and office; a deleted account is a former employee without details. */
    private static List<Object> person(Person p) {
        if (p == null) {
            return Arrays.asList(FORMER_EMPLOYEE, null, null, null, null);
        }
        return Arrays.asList(p.fullName, p.email, p.department == null ? null : p.department.name, p.jobTitle,
                p.office == null ? null : p.office.name);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
