package io.bridgeway.feedback;

import io.bridgeway.BridgewayConfig;
import io.bridgeway.cluster.Leases;
import io.bridgeway.notifications.MatchNotifier;
import io.bridgeway.notifications.Outbox;
import io.bridgeway.rounds.RoundStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Mails one reminder for each due, unanswered survey, and never a second: the survey is marked reminded in the
 * transaction that queues the mail, so a restart or a second instance finds it done. One node of the cluster runs
 * it per interval (the {@code job:survey-reminders} lease).
 */
@ApplicationScoped
public class SurveyReminders {

    public static final String KIND = "SURVEY_REMINDER";

    private static final int BATCH = 200;

    @CheckedTemplate
    static class Mails {
        static native TemplateInstance reminder(String name, String about, String programme, int round);
    }

    /** The scheduled run's time; {@link #remindDue(Instant)} takes any other (tests run it weeks ahead). */
    Clock clock = Clock.systemUTC();

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Leases leases;

    @Inject
    BridgewayConfig config;

    @Scheduled(identity = "survey-reminders", every = "${bridgeway.feedback.reminder-interval}",
            delayed = "${bridgeway.jobs.first-run-after}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        leases.runOnce("survey-reminders", Leases.quietAfter(config.feedback().reminderInterval()),
                () -> remindDue(clock.instant()));
    }

    /** Queues a reminder for at most one batch of surveys due at {@code now}; returns how many. */
    @Transactional
    public int remindDue(Instant now) {
        // a deactivated person gets no mail; reactivated, they are reminded then
        List<Survey> due = Survey.<Survey>find("answeredAt is null and remindedAt is null and dueAt <= ?1 "
                + "and round.status = ?2 and person.active = true order by dueAt, id", now, RoundStatus.PUBLISHED)
                .page(0, BATCH).list();
        int queued = 0;
        for (Survey survey : due) {
            // claim it: a concurrent run that claimed it first leaves 0 rows for us
            int claimed = em.createQuery("update Survey s set s.remindedAt = :now, s.version = s.version + 1 "
                    + "where s.id = :id and s.remindedAt is null and s.answeredAt is null")
                    .setParameter("now", now).setParameter("id", survey.id).executeUpdate();
            if (claimed == 1) {
                String about = Surveys.about(survey);
                String programme = survey.round.program.name;
                outbox.enqueue(new MatchNotifier.Notice(survey.person.id, survey.person.email, null,
                        "A short survey is waiting: " + about, Mails.reminder(survey.person.fullName, about, programme,
                                survey.round.number).render(), null, null), KIND, survey.round.id);
                queued++;
            }
        }
        return queued;
    }
}
