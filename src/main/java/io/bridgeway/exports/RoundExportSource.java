package io.bridgeway.exports;

import io.bridgeway.matching.circles.domain.MeetingCalendar;
import io.bridgeway.people.Person;
import io.bridgeway.rounds.MatchingRound;
import io.bridgeway.rounds.MeetingTimes;
import io.bridgeway.rounds.ParticipantSnapshot;
import io.bridgeway.rounds.RoundCircle;
import io.bridgeway.rounds.RoundPair;
import io.bridgeway.rounds.RoundParticipant;
import io.bridgeway.rounds.RoundMeetings;
import io.bridgeway.rounds.RoundProblems;
import io.quarkus.panache.common.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a round's pairs and circles in batches for an export, inside the caller's transaction. After each
 * batch the persistence context is cleared, so memory holds one batch, whatever the size of the round.
 * Reads only what the exports show: never do-not-pair lists, ratings or feedback.
 */
final class RoundExportSource {

    static final int BATCH = 500;

    /** A pair with its kick-off hour (null when the two share no free hour in the kick-off week). */
    record PairWithKickoff(RoundPair pair, LocalDate kickoffWeek, Instant kickoff) {
    }

    /** A circle (its members load in batches) with its dated meeting (null when no hour suits anyone). */
    record DatedCircle(RoundCircle circle, Instant start) {

        /** The members who still have an account; a deleted one is a former employee. */
        List<Person> people() {
            return circle.members.stream().map(m -> m.person).filter(Objects::nonNull).toList();
        }
    }

    private final long roundId;
    private final MeetingCalendar calendar;
    private final LocalDate kickoffWeek;

    RoundExportSource(MatchingRound round) {
        this.roundId = round.id;
        this.calendar = RoundProblems.calendar(round.program);
        // Published kick-offs were dated from the publication day (as the mails said); a draft's from today.
        this.kickoffWeek = RoundMeetings.kickoffWeek(round);
    }

    /** Every pair in id order, a batch at a time. */
    void pairs(boolean withKickoff, Consumer<PairWithKickoff> each) {
        long after = -1;
        while (true) {
            List<RoundPair> batch = RoundPair.<RoundPair>find("select p from RoundPair p left join fetch p.mentor"
                    + " left join fetch p.mentee where p.round.id = ?1 and p.id > ?2 order by p.id", roundId, after)
                    .range(0, BATCH - 1).list();
            if (batch.isEmpty()) {
                return;
            }
            Map<Long, ParticipantSnapshot> snapshots = withKickoff ? snapshots(batch) : Map.of();
            for (RoundPair pair : batch) {
                Instant kickoff = pair.mentor == null || pair.mentee == null ? null
                        : MeetingTimes.kickoff(kickoffWeek, snapshots.get(pair.mentor.id), snapshots.get(pair.mentee.id))
                                .orElse(null);
                each.accept(new PairWithKickoff(pair, kickoffWeek, kickoff));
            }
            after = batch.get(batch.size() - 1).id;
            RoundPair.getEntityManager().clear();
        }
    }

    /** Every circle by meeting and number, a batch at a time. */
    void circles(Consumer<DatedCircle> each) {
        for (int page = 0; ; page++) {
            List<RoundCircle> batch = RoundCircle.<RoundCircle>find(
                    "round.id = ?1 order by meetingIndex, circleNumber, id", roundId).page(Page.of(page, BATCH)).list();
            if (batch.isEmpty()) {
                return;
            }
            for (RoundCircle circle : batch) {
                each.accept(new DatedCircle(circle, start(circle)));
            }
            RoundCircle.getEntityManager().clear();
        }
    }

    /** Published circles carry their date; a draft's is worked out the way publication will. */
    private Instant start(RoundCircle circle) {
        if (circle.meetingAt != null) {
            return circle.meetingAt;
        }
        return circle.meetingMinute == null ? null
                : MeetingTimes.circleMeeting(calendar, circle.meetingIndex, circle.meetingMinute);
    }

    private Map<Long, ParticipantSnapshot> snapshots(List<RoundPair> pairs) {
        List<Long> people = pairs.stream().flatMap(p -> Stream.of(p.mentor, p.mentee)).filter(Objects::nonNull)
                .map(p -> p.id).distinct().toList();
        Map<Long, ParticipantSnapshot> snapshots = new HashMap<>();
        RoundParticipant.<RoundParticipant>list("round.id = ?1 and person.id in ?2", roundId, people)
                .forEach(p -> snapshots.put(p.person.id, ParticipantSnapshot.fromJson(p.profileJson)));
        return snapshots;
    }
}
