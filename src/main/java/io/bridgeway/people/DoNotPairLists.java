package io.bridgeway.people;

import io.bridgeway.web.FormErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each person's confidential do-not-pair list: entered by colleague e-mail, shown only to its owner (page, own
 * API, own "Download my data"). The solvers get only unordered pairs, so nobody learns who listed whom.
 */
@ApplicationScoped
public class DoNotPairLists implements PersonDataSection {

    /** A list is for the few people someone must not meet, not a way to opt out of everyone. */
    public static final int MAX_ENTRIES = 50;

    /** Read in a batch of at most this many ids, well under every database's bind-parameter limit. */
    private static final int QUERY_CHUNK = 1000;

    /** A line of the owner's own list, as their page, API and data export show it. */
    public record Entry(long id, String name, String email, Instant addedAt) {
    }

    /** What adding did: errors (nothing saved), or the colleague now (or already) on the list. */
    public record Added(FormErrors errors, String colleagueName, boolean alreadyListed) {
    }

    @Transactional
    public List<Entry> of(long ownerId) {
        return DoNotPairEntry.<DoNotPairEntry>list("owner.id = ?1 order by colleague.fullName, colleague.email", ownerId)
                .stream().map(e -> new Entry(e.id, e.colleague.fullName, e.colleague.email, e.createdAt)).toList();
    }

    /**
     * Adds a colleague by e-mail. An unknown address gets the same words whatever the reason, and says no more
     * than sign-up already does (that an address has an account); a duplicate is ignored.
     */
    @Transactional
    public Added add(long ownerId, String rawEmail) {
        FormErrors errors = new FormErrors();
        String email = EmailAddress.normalize(rawEmail == null ? "" : rawEmail);
        Optional<String> problem = EmailAddress.problem(email);
        Person owner = Person.findById(ownerId);
        Person colleague = problem.isPresent() ? null : Person.findByEmail(email);
        if (problem.isPresent()) {
            errors.add("email", "Colleague's email: " + problem.get());
        } else if (email.equals(owner.email)) {
            errors.add("email", "That is your own email address. Enter a colleague's.");
        } else if (colleague == null) {
            errors.add("email", "No colleague can be added with this address. Check that it is the email they use "
                    + "to sign in to Bridgeway.");
        }
        if (errors.any()) {
            return new Added(errors, null, false);
        }
        if (DoNotPairEntry.count("owner = ?1 and colleague = ?2", owner, colleague) > 0) {
            return new Added(errors, colleague.fullName, true);
        }
        if (DoNotPairEntry.count("owner", owner) >= MAX_ENTRIES) {
            errors.add("email", "Your list already has " + MAX_ENTRIES + " people, the most it can hold. Remove "
                    + "someone first, or talk to your programme manager.");
            return new Added(errors, null, false);
        }
        DoNotPairEntry entry = new DoNotPairEntry();
        entry.owner = owner;
        entry.colleague = colleague;
        entry.persist();
        return new Added(errors, colleague.fullName, false);
    }

    /** Removes a line of the owner's own list; false when there is no such line of theirs. */
    @Transactional
    public boolean remove(long ownerId, long entryId) {
        return DoNotPairEntry.delete("id = ?1 and owner.id = ?2", entryId, ownerId) > 0;
    }

    /**
     * Every listed pair among these people, whoever listed whom, as the matching core names them: two person ids
     * as strings, the smaller first, each pair once. Needs a transaction.
     */
    public static List<List<String>> pairsAmong(Collection<Long> personIds) {
        Set<Long> people = Set.copyOf(personIds);
        List<Long> ids = new ArrayList<>(people);
        Set<List<Long>> pairs = new HashSet<>();
        for (int from = 0; from < ids.size(); from += QUERY_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + QUERY_CHUNK));
            List<Object[]> rows = DoNotPairEntry.getEntityManager().createQuery(
                    "select e.owner.id, e.colleague.id from DoNotPairEntry e where e.owner.id in ?1", Object[].class)
                    .setParameter(1, chunk).getResultList();
            for (Object[] row : rows) {
                long owner = (Long) row[0];
                long colleague = (Long) row[1];
                if (people.contains(colleague)) {
                    pairs.add(List.of(Math.min(owner, colleague), Math.max(owner, colleague)));
                }
            }
        }
        return pairs.stream()
                .sorted(Comparator.<List<Long>>comparingLong(p -> p.get(0)).thenComparingLong(p -> p.get(1)))
                .map(p -> List.of(String.valueOf(p.get(0)), String.valueOf(p.get(1)))).toList();
    }

    /** A deleted account's list goes, and so do the lines of other lists that name it. */
    void forget(@Observes PersonDeleted deleted) {
        DoNotPairEntry.delete("owner.id = ?1 or colleague.id = ?1", deleted.personId());
    }

    @Override
    public String name() {
        return "doNotPairList";
    }

    /** Only the person's own list: never the lists that name them. */
    @Override
    public List<Entry> dataOf(Person person) {
        return of(person.id);
    }
}
