package io.bridgeway.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bridgeway.notifications.MatchNotifier.Notice;
import io.quarkus.mailer.Attachment;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class MatchNotifierTest {

    @Inject
    MatchNotifier notifier;

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void clearMailbox() {
        mailbox.clear();
    }

    @Test
    void sendsEachNoticeAloneWithItsMessageIdAndTheInviteAttached() {
        String ics = MeetingInvites.calendar("bridgeway@bridgeway.local", MeetingInvitesTest.meetings());
        notifier.send(new Notice(null, "ana@example.com", "Ana Lima", "Your peer circle", "You meet Ben and Chen.",
                "<p>You meet Ben and Chen.</p>", ics), "<ana-1@bridgeway>");
        notifier.send(new Notice(null, "ben@example.com", null, "Your peer circle", "You meet Ana and Chen.", null,
                null), "<ben-1@bridgeway>");

        assertEquals(2, mailbox.getTotalMessagesSent());
        Mail ana = mailbox.getMailsSentTo("\"Ana Lima\" <ana@example.com>").get(0);
        assertEquals("Your peer circle", ana.getSubject());
        assertEquals("You meet Ben and Chen.", ana.getText());
        assertEquals(List.of("<ana-1@bridgeway>"), ana.getHeaders().get("Message-ID"));
        assertEquals("<p>You meet Ben and Chen.</p>", ana.getHtml());
        assertEquals("bridgeway@bridgeway.local",
                mailbox.getMailMessagesSentTo("\"Ana Lima\" <ana@example.com>").get(0).getFrom());
        Attachment invite = ana.getAttachments().get(0);
        assertEquals(MatchNotifier.INVITE_FILE, invite.getName());
        assertEquals("text/calendar; method=REQUEST; charset=UTF-8", invite.getContentType());
        assertEquals(ics, new String(bytes(invite), StandardCharsets.UTF_8));

        Mail ben = mailbox.getMailsSentTo("ben@example.com").get(0);
        assertNull(ben.getHtml());
        assertTrue(ben.getAttachments().isEmpty());
    }

    public static byte[] bytes(Attachment attachment) {
        List<Byte> data = Multi.createFrom().publisher(attachment.getData()).collect().asList().await().indefinitely();
        byte[] bytes = new byte[data.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = data.get(i);
        }
        return bytes;
    }
}
