package io.bridgeway.notifications;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends match notifications by mail, each with an optional calendar invite. Bodies carry only what
 * the recipient may see: their own matches and why. Confidential data (do-not-pair lists, ratings,
 * feedback) never goes into a notification.
 */
@ApplicationScoped
public class MatchNotifier {

    public static final String ICS_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";

    public record Notice(String toEmail, String toName, String subject, String textBody, String icsOrNull) {
    }

    @Inject
    Mailer mailer;

    public void send(List<Notice> notices) {
        for (Notice notice : notices) {
            Mail mail = Mail.withText(notice.toEmail(), notice.subject(), notice.textBody());
            if (notice.icsOrNull() != null) {
                mail.addAttachment("invite.ics", notice.icsOrNull().getBytes(StandardCharsets.UTF_8), ICS_TYPE);
            }
            mailer.send(mail);
        }
    }
}
