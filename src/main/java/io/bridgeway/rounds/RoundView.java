package io.bridgeway.rounds;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.Locale;

/** A round as its pages and the API show it, read inside the transaction. */
public record RoundView(long id, long version, long programId, String programName, int number, RoundStatus status,
        SolveState solveState, String solveMessage, String score, Long objective, int matched, int mentees,
        int circleMembers, boolean editable, RoundProgress.Snapshot progress, Listing<PairRow> pairs,
        Listing<UnmatchedRow> unmatched, String query) {

    public static final int PAGE_SIZE = 50;

    public record PairRow(long id, long mentorId, String mentor, String mentorEmail, long menteeId, String mentee,
            String menteeEmail, boolean pinned, boolean forced, long value, List<String> explanation) {
    }

    public record UnmatchedRow(long menteeId, String mentee, String menteeEmail, String reason) {
    }

    public record Listing<T>(List<T> rows, int page, int pageCount, long total) {
        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pageCount;
        }
    }

    public boolean solving() {
        return solveState.running();
    }

    public boolean draft() {
        return status == RoundStatus.DRAFT;
    }

    public String encodedQuery() {
        return java.net.URLEncoder.encode(query == null ? "" : query, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The round with one page of pairs and of unmatched mentees, optionally filtered by a name or email. */
    public static RoundView of(MatchingRound round, RoundProgress.Snapshot progress, String query, int pairPage,
            int unmatchedPage) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Parameters params = Parameters.with("round", round).and("q", "%" + q + "%");
        var pairs = RoundPair.<RoundPair>find("round = :round and (lower(mentor.fullName) like :q or lower(mentee.fullName) like :q"
                + " or mentor.email like :q or mentee.email like :q)", Sort.by("mentee.fullName"), params);
        var unmatched = RoundUnmatched.<RoundUnmatched>find("round = :round and (lower(mentee.fullName) like :q"
                + " or mentee.email like :q)", Sort.by("mentee.fullName"), params);
        return new RoundView(round.id, round.version, round.program.id, round.program.name, round.number, round.status,
                round.solveState, round.solveMessage, round.score, round.objective, round.matchedCount,
                round.menteeCount, round.circleMemberCount, round.editable(), progress,
                page(pairs, pairPage, p -> new PairRow(p.id, p.mentor.id, p.mentor.fullName, p.mentor.email,
                        p.mentee.id, p.mentee.fullName, p.mentee.email, p.pinned, p.forced, p.value, p.explanationLines())),
                page(unmatched, unmatchedPage, u -> new UnmatchedRow(u.mentee.id, u.mentee.fullName, u.mentee.email,
                        u.reason)),
                query == null ? "" : query.strip());
    }

    private static <E, T> Listing<T> page(io.quarkus.hibernate.orm.panache.PanacheQuery<E> query, int page,
            java.util.function.Function<E, T> row) {
        long total = query.count();
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(0, page), pageCount - 1);
        return new Listing<>(query.page(Page.of(current, PAGE_SIZE)).list().stream().map(row).toList(), current,
                pageCount, total);
    }
}
