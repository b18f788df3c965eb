package io.bridgeway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.Outbox;
import io.bridgeway.notifications.OutboxMessage;
import io.bridgeway.rounds.RoundLifecycleTest;
import io.bridgeway.support.Mailboxes;
import io.bridgeway.support.WebSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Publishing writes one outbox message per participant in its own transaction; each goes out alone. */
@QuarkusTest
class PublishingQueuesOneMailPerParticipantTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void publishingQueuesExactlyOneMessagePerParticipantAndPublishingAgainQueuesNone() {
        RoundLifecycleTest.Cohort c = RoundLifecycleTest.cohort("outboxpub", 2, 3);
        long roundId = RoundLifecycleTest.start(c.pm(), c.programId());
        RoundLifecycleTest.awaitSolved(c.pm(), roundId);
        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200)
                .body("publishedNow", Matchers.equalTo(true));

        List<String> participants = new ArrayList<>(c.mentors());
        participants.addAll(c.mentees());
        List<OutboxMessage> queued = Mailboxes.ofRound(roundId);
        assertEquals(participants.size(), queued.size());
        assertEquals(participants.stream().sorted().toList(), queued.stream().map(m -> m.recipient).sorted().toList());
        assertTrue(queued.stream().allMatch(m -> Outbox.ROUND_PUBLISHED.equals(m.kind)));

        List<Mail> mails = Mailboxes.awaitMailTo(mailbox, participants);
        for (int i = 0; i < participants.size(); i++) {
            String recipient = participants.get(i);
            OutboxMessage row = queued.stream().filter(m -> m.recipient.equals(recipient)).findFirst().orElseThrow();
            assertEquals(WebSession.idOf(recipient), row.recipientPersonId, "queued for their account");
            assertEquals(List.of(recipient), mails.get(i).getTo(), "one recipient per mail");
            assertEquals(List.of(row.messageId), mails.get(i).getHeaders().get("Message-ID"));
        }

        RoundLifecycleTest.as(c.pm()).post("/api/v1/rounds/" + roundId + "/publish").then().statusCode(200)
                .body("publishedNow", Matchers.equalTo(false));
        assertEquals(participants.size(), Mailboxes.ofRound(roundId).size(), "publishing again queues nothing");
    }
}
