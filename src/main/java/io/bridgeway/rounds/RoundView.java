package io.bridgeway.rounds;

import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDeleted;
import io.bridgeway.web.Paged;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.bridgeway.matching.circles.domain.MeetingCalendar;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A round as its pages and the API show it, read inside the transaction. */
public record RoundView(long id, long version, long programId, String programName, int number, RoundStatus status,
        SolveState solveState, String solveMessage, String score, Long objective, int matched, int mentees,
        int circleMembers, boolean editable, boolean publishable, int leavers, RoundProgress.Snapshot progress, Paged<PairRow> pairs,
        Paged<UnmatchedRow> unmatched, String query, Paged<CircleRow> circles, int meeting, int meetings,
        Integer circleRepeats, Long circleSoft, boolean pinnedOnly, MeetingSeats meetingSeats, NotSeated notSeated,
        int smallestCircleSize) {

    public record PairRow(long id, Long mentorId, String mentor, String mentorEmail, Long menteeId, String mentee,
            String menteeEmail, boolean pinned, boolean forced, long value, List<String> explanation) {
    }

    public record UnmatchedRow(Long menteeId, String mentee, String menteeEmail, String reason) {
    }

    /** {@code belowSmallestSize}: fewer members than the round's {@code smallestCircleSize}, e.g. after leave-outs. */
    public record CircleRow(long id, int number, List<MemberRow> members, String meetingUtcStart, String meetingNote,
            List<String> explanation, boolean belowSmallestSize) {
    }

    /**
     * {@code localTime} is when the circle meets in the member's zone ("Tue 10:00"), {@code canAttend} whether
     * their free hours hold it; both null when the circle has no hour or the person is gone.
     */
    public record MemberRow(Long personId, String name, String email, String department, boolean pinned,
            String localTime, Boolean canAttend) {
    }

    /**
     * Circle members the round left out of a meeting's circles ({@link CircleLeaveOuts}): how many people, at how many
     * meetings in all, and those of the shown meeting.
     */
    public record NotSeated(int people, int places, List<NotSeatedRow> atMeeting) {
    }

    public record NotSeatedRow(Long personId, String name, String email, String reason) {
    }

    /** One meeting's seats and how many of them cannot make their circle's hour. */
    public record MeetingSeats(int unable, int seats) {
    }

    public boolean hasCircles() {
        return meetings > 0;
    }

    public List<Integer> meetingIndexes() {
        return java.util.stream.IntStream.range(0, meetings).boxed().toList();
    }

    /** Whether the Publish button shows: the last solve finished and nobody left since the draft was made. */
    public boolean canPublish() {
        return publishable && leavers == 0;
    }

    public boolean solving() {
        return solveState.running();
    }

    public boolean draft() {
        return status == RoundStatus.DRAFT;
    }

    /** The search and filter as query parameters, for paging links. */
    public String encodedQuery() {
        return java.net.URLEncoder.encode(query == null ? "" : query, java.nio.charset.StandardCharsets.UTF_8)
                + (pinnedOnly ? "&pinnedOnly=true" : "");
    }

    /** The round with one page of pairs and of unmatched mentees, optionally filtered by a name or email. */
    public static RoundView of(MatchingRound round, RoundProgress.Snapshot progress, String query, int pairPage,
            int unmatchedPage) {
        return of(round, progress, query, pairPage, unmatchedPage, 0, 0, false);
    }

    /** As above, with the circles of one meeting (from 0). */
    public static RoundView of(MatchingRound round, RoundProgress.Snapshot progress, String query, int pairPage,
            int unmatchedPage, int meeting, int circlePage, boolean pinnedOnly) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        // Outer joins: a former employee's place (person null) still counts and shows.
        Parameters params = Parameters.with("round", round);
        if (!q.isEmpty()) {
            params = params.and("q", "%" + q + "%");
        }
        var pairs = RoundPair.<RoundPair>find("select p from RoundPair p left join p.mentor m left join p.mentee e where p.round = :round"
                + (q.isEmpty() ? "" : " and (lower(m.fullName) like :q or lower(e.fullName) like :q or m.email like :q"
                        + " or e.email like :q)") + (pinnedOnly ? " and p.pinned = true" : ""),
                Sort.by("e.fullName").and("p.id"), params);
        CircleHours hours = new CircleHours(round, meeting);
        int smallestCircle = RoundProblems.smallestCircleSize(round);
        var unmatched = RoundUnmatched.<RoundUnmatched>find("select u from RoundUnmatched u left join u.mentee e where u.round = :round"
                + (q.isEmpty() ? "" : " and (lower(e.fullName) like :q or e.email like :q)"), Sort.by("e.fullName").and("u.id"),
                params);
        return new RoundView(round.id, round.version, round.program.id, round.program.name, round.number, round.status,
                round.solveState, round.solveMessage, round.score, round.objective, round.matchedCount,
                round.menteeCount, round.circleMemberCount, round.editable(), round.publishable(),
                round.solveState.running() ? 0 : DraftLeavers.count(round), // not on every 2-second progress poll
                progress,
                Paged.of(pairs, pairPage, p -> new PairRow(p.id, idOf(p.mentor), nameOf(p.mentor), emailOf(p.mentor),
                        idOf(p.mentee), nameOf(p.mentee), emailOf(p.mentee), p.pinned, p.forced, p.value,
                        p.explanationLines())),
                withNames(Paged.of(unmatched, unmatchedPage, u -> new UnmatchedRow(idOf(u.mentee), nameOf(u.mentee),
                        emailOf(u.mentee), u.reason))),
                query == null ? "" : query.strip(), circles(round, meeting, circlePage, q, hours, smallestCircle),
                meeting, meetings(round), round.circleRepeats, round.circleSoft, pinnedOnly, hours.seats(),
                notSeated(round, meeting), smallestCircle);
    }

    private static NotSeated notSeated(MatchingRound round, int meeting) {
        List<RoundNotSeated> all = RoundNotSeated.of(round);
        int people = (int) all.stream().map(n -> n.person == null ? "former " + n.id : n.person.id).distinct().count();
        return new NotSeated(people, all.size(), all.stream().filter(n -> n.meetingIndex == meeting)
                .map(n -> new NotSeatedRow(idOf(n.person), nameOf(n.person), emailOf(n.person), CircleLeaveOuts.REASON))
                .toList());
    }

    /** The unmatched reasons with mentors named, not numbered. */
    private static Paged<UnmatchedRow> withNames(Paged<UnmatchedRow> rows) {
        var named = ReviewSummary.named(rows.rows().stream().map(UnmatchedRow::reason).toList());
        return new Paged<>(rows.rows().stream().map(u -> new UnmatchedRow(u.menteeId(), u.mentee(), u.menteeEmail(),
                named.getOrDefault(u.reason(), u.reason()))).toList(), rows.page(), rows.pageCount(), rows.total());
    }

    static Long idOf(Person person) {
        return person == null ? null : person.id;
    }

    /** A deleted account's place in a published round: no name, no contact. */
    static String nameOf(Person person) {
        return person == null ? PersonDeleted.FORMER_EMPLOYEE : person.fullName;
    }

    static String emailOf(Person person) {
        return person == null ? "" : person.email;
    }

    private static int meetings(MatchingRound round) {
        Integer max = RoundCircle.find("select max(c.meetingIndex) from RoundCircle c where c.round = ?1", round)
                .project(Integer.class).firstResult();
        return max == null ? 0 : max + 1;
    }

    /** Circle cards a page: eight rows of three on a desktop. */
    static final int CIRCLES_PER_PAGE = 24;

    /** One page of one meeting's circles; with a search, only circles with a member of that name or email. */
    private static Paged<CircleRow> circles(MatchingRound round, int meeting, int page, String q, CircleHours hours,
            int smallestCircle) {
        PanacheQuery<RoundCircle> query;
        if (q.isEmpty()) {
            query = RoundCircle.find("round = ?1 and meetingIndex = ?2", Sort.by("circleNumber"), round, meeting);
        } else {
            List<Long> found = RoundCircle.find("select distinct c.id from RoundCircle c join c.members m join m.person p"
                    + " where c.round = ?1 and c.meetingIndex = ?2"
                    + " and (lower(p.fullName) like ?3 or p.email like ?3)", round, meeting, "%" + q + "%")
                    .project(Long.class).list();
            query = RoundCircle.find("round = ?1 and meetingIndex = ?2 and id in ?3", Sort.by("circleNumber"), round,
                    meeting, found.isEmpty() ? List.of(-1L) : found);
        }
        Paged<RoundCircle> circles = Paged.of(query, page, CIRCLES_PER_PAGE, java.util.function.Function.identity());
        // Members and their people load in batches (RoundCircle.members, Person): a few queries a page.
        List<CircleRow> rows = circles.rows().stream().map(c -> new CircleRow(c.id, c.circleNumber, c.members.stream().map(m -> {
            Person p = m.person;
            return new MemberRow(idOf(p), nameOf(p), emailOf(p),
                    p == null || p.department == null ? "" : p.department.name, m.pinned,
                    hours.localTime(p, c.meetingMinute), hours.canAttend(p, c.meetingMinute));
        }).toList(), c.meetingUtcStart, c.meetingNote, c.explanationLines(), c.members.size() < smallestCircle))
                .toList();
        return new Paged<>(rows, circles.page(), circles.pageCount(), circles.total());
    }

    /**
     * Each member's meeting hour as they see it, and whether they can make it, with the free hours the circles
     * search used for this meeting ({@link RoundProblems#circleFreeHours}); the local time is that of the meeting's
     * first week.
     */
    private static final class CircleHours {
        private final Map<Long, ParticipantSnapshot> snapshots = new HashMap<>();
        private final Map<Long, Set<Integer>> free = new HashMap<>();
        private final java.time.LocalDate week;
        private final MeetingSeats seats;

        CircleHours(MatchingRound round, int meeting) {
            MeetingCalendar calendar = RoundProblems.calendar(round.program);
            week = calendar.weekStarts(meeting).get(0);
            List<RoundCircle> circles = RoundCircle.of(round).stream().filter(c -> c.meetingIndex == meeting).toList();
            if (!circles.isEmpty()) {
                for (RoundParticipant.Row p : RoundParticipant.rowsOf(round)) {
                    if (p.asCircleMember() && p.personId() != null) {
                        ParticipantSnapshot snapshot = ParticipantSnapshot.fromJson(p.profileJson());
                        snapshots.put(p.personId(), snapshot);
                        free.put(p.personId(), RoundProblems.circleFreeHours(snapshot, calendar, meeting));
                    }
                }
            }
            int unable = 0;
            int all = 0;
            for (RoundCircle c : circles) {
                for (RoundCircle.Member m : c.members) {
                    all++;
                    if (Boolean.FALSE.equals(canAttend(m.person, c.meetingMinute))) {
                        unable++;
                    }
                }
            }
            seats = circles.stream().anyMatch(c -> c.meetingMinute != null) ? new MeetingSeats(unable, all) : null;
        }

        MeetingSeats seats() {
            return seats;
        }

        String localTime(Person person, Integer meetingMinute) {
            ParticipantSnapshot snapshot = person == null ? null : snapshots.get(person.id);
            if (snapshot == null || meetingMinute == null) {
                return null;
            }
            java.time.ZonedDateTime local = MeetingTimes.inWeek(week, meetingMinute).atZone(ZoneId.of(snapshot.timeZone()));
            return local.format(java.time.format.DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH));
        }

        Boolean canAttend(Person person, Integer meetingMinute) {
            if (person == null || meetingMinute == null || !snapshots.containsKey(person.id)) {
                return null;
            }
            Set<Integer> hours = free.get(person.id);
            return hours == null || hours.contains(meetingMinute / 60);
        }
    }
}
