package io.bridgeway.notifications;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Sends notifications, one recipient per mail, each optionally with a calendar invite attached as {@code invite.ics}.
 * Blocking: call it from a worker thread (a resource method or a job), not the event loop.
 *
 * <p>Confidentiality rule: a notice goes to one participant and must only say who they meet, when,
 * and why they were matched. Never put do-not-pair lists, ratings, feedback or anything another
 * person told Bridgeway in confidence into a subject, body or invite: mail leaves our control.
 */
@ApplicationScoped
public class MatchNotifier {

    public static final String INVITE_FILE = "invite.ics";
    public static final String INVITE_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";

    /**
     * One mail to one person; {@code htmlBody} and {@code icsOrNull} are optional. {@code toPersonId} is their
     * account (null for an address with no account): the outbox matches a leaver's mail by it, not by the address.
     */
    public record Notice(Long toPersonId, String toEmail, String toName, String subject, String textBody,
            String htmlBody, String icsOrNull) {
        public Notice {
            Objects.requireNonNull(toEmail, "toEmail");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(textBody, "textBody");
        }
    }

    @Inject
    Mailer mailer;

    /**
     * Sends one notice to its one recipient with the given {@code Message-ID} header. A failure (bad
     * address, SMTP down) throws; the outbox records it and retries. Use {@link Outbox#enqueue}, not this.
     */
    public void send(Notice notice, String messageId) {
        mailer.send(mail(notice).addHeader("Message-ID", messageId));
    }

    static Mail mail(Notice notice) {
        Mail mail = new Mail().addTo(address(notice)).setSubject(notice.subject()).setText(notice.textBody());
        if (notice.htmlBody() != null) {
            mail.setHtml(notice.htmlBody());
        }
        if (notice.icsOrNull() != null) {
            mail.addAttachment(INVITE_FILE, notice.icsOrNull().getBytes(StandardCharsets.UTF_8), INVITE_TYPE);
        }
        return mail;
    }

    /** "Name <email>" when a name is known; quotes keep commas or dots in names from splitting it. */
    private static String address(Notice notice) {
        String name = notice.toName() == null ? "" : notice.toName().replaceAll("[\"\\\\\r\n<>]", "").strip();
        return name.isEmpty() ? notice.toEmail() : "\"" + name + "\" <" + notice.toEmail() + ">";
    }
}
