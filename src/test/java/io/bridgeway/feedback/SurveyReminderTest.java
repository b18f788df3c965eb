package io.bridgeway.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.people.Person;
import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reminder job mails exactly one reminder per due, unanswered survey, however often it runs. */
@QuarkusTest
class SurveyReminderTest {

    @Inject
    SurveyReminders reminders;

    @Inject
    MockMailbox mailbox;

    @Test
    void oneReminderPerPendingSurveyEvenWhenTheJobRunsTwice() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("remind", 1, 2);
        long roundId = FeedbackFixtures.solveAndPublish(c);
        List<FeedbackFixtures.Row> surveys = FeedbackFixtures.surveys(roundId);
        assertEquals(4, surveys.size(), "two pairs, two sides each");

        reminders.remindDue(Instant.now());
        assertTrue(reminderRows(roundId).isEmpty(), "nothing is due before halfway through the round");

        FeedbackFixtures.Row answered = surveys.get(0);
        FeedbackFixtures.answer(answered.id(), true, 4, true);
        Instant halfwayAndMore = Instant.now().plus(Duration.ofDays(7 * 12 / 2 + 1));
        reminders.remindDue(halfwayAndMore);
        reminders.remindDue(halfwayAndMore.plusSeconds(3600)); // a second run, as after a restart

        List<OutboxMessage> rows = reminderRows(roundId);
        assertEquals(3, rows.size(), "one per unanswered survey");
        Mailboxes.await(() -> reminderRows(roundId).stream().allMatch(m -> m.status == OutboxMessage.Status.SENT),
                () -> "reminders not sent");
        List<String> pendingPeople = new ArrayList<>();
        surveys.stream().filter(s -> s.id() != answered.id()).forEach(s -> pendingPeople.add(s.person()));
        for (FeedbackFixtures.Row s : surveys) {
            long expected = pendingPeople.stream().filter(s.person()::equals).count();
            long mails = mailbox.getMailsSentTo(s.person()).stream()
                    .filter(m -> m.getSubject().startsWith("A short survey is waiting")).count();
            assertEquals(expected, mails, s.person());
        }
        assertTrue(FeedbackFixtures.surveys(roundId).stream().filter(s -> s.id() != answered.id())
                .allMatch(s -> s.remindedAt() != null));
    }

    @Test
    void aDeactivatedPersonGetsNoReminder() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("remindleaver", 1, 1);
        long roundId = FeedbackFixtures.solveAndPublish(c);
        assertEquals(2, FeedbackFixtures.surveys(roundId).size());
        String leaver = c.mentees().get(0);
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findByEmail(leaver).active = false);

        reminders.remindDue(Instant.now().plus(Duration.ofDays(7 * 12 / 2 + 1)));

        assertEquals(List.of(c.mentors().get(0)), reminderRows(roundId).stream().map(m -> m.recipient).toList(),
                "only the active mentor is reminded");
        assertEquals(List.of(WebSession.idOf(c.mentors().get(0))),
                reminderRows(roundId).stream().map(m -> m.recipientPersonId).toList(), "queued for their account");
    }

    private static List<OutboxMessage> reminderRows(long roundId) {
        return Mailboxes.ofRound(roundId).stream().filter(m -> SurveyReminders.KIND.equals(m.kind)).toList();
    }
}
