package io.bridgeway.rounds;

import io.bridgeway.data.Columns;
import io.bridgeway.people.Person;
import io.bridgeway.people.PersonDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What deleting an account does to rounds. Published rounds stay as published: the database empties
 * the person's places (shown as "former employee") and the counts stay. Drafts drop the person, as if
 * they had never enrolled, so solving again works. Text that names them by email is pseudonymised, and circle
 * notes and explanations that name them say "former employee".
 */
@ApplicationScoped
public class RoundsForgetPerson {

    @Inject
    EntityManager em;

    void forget(@Observes PersonDeleted deleted) {
        Person person = Person.findById(deleted.personId());
        MatchingRound.<MatchingRound>list("select distinct p.round from RoundParticipant p where p.person = ?1"
                + " and p.round.status = ?2", person, RoundStatus.DRAFT).forEach(draft -> DraftLeavers.drop(draft, person));
        List<RoundCircle> circles = RoundCircle.list("select distinct c from RoundCircle c join c.members m"
                + " where m.person = ?1 and c.round.status <> ?2", person, RoundStatus.DRAFT);
        for (RoundCircle circle : circles) { // the stored words name members ("… and … met in round 1")
            // "Former employee" may be longer than the name it replaces: keep within the columns
            circle.meetingNote = RoundResults.fitNote(deleted.withoutName(circle.meetingNote));
            circle.explanation = Columns.fit(deleted.withoutName(circle.explanation), RoundPair.EXPLANATION_LENGTH);
        }
        em.flush(); // the counts first: the bulk updates below must not be overwritten by them
        pseudonymise(deleted);
        em.flush(); // before the person's row goes and the database empties their published places
    }

    /**
     * Managers' own words name people by email ("paired by …", "changed by …"). The like only narrows the rows:
     * the exact address is replaced in Java, so "yusuf.wong@…" stays when "wong@…" is deleted.
     */
    private void pseudonymise(PersonDeleted deleted) {
        String like = "%" + deleted.email() + "%";
        for (RoundPair pair : RoundPair.<RoundPair>list("explanation like ?1", like)) {
            pair.explanation = deleted.withoutEmail(pair.explanation);
        }
        for (RoundUnmatched unmatched : RoundUnmatched.<RoundUnmatched>list("reason like ?1", like)) {
            unmatched.reason = deleted.withoutEmail(unmatched.reason);
        }
        em.createQuery("update MatchingRound set lastChangedBy = :pseudonym where lastChangedBy = :email")
                .setParameter("email", deleted.email()).setParameter("pseudonym", deleted.pseudonym()).executeUpdate();
    }
}
