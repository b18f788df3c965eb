package io.bridgeway.rounds;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Where the manager stands on a round's review page: search, filter, pages and circle meeting. Every review
 * form carries it, so an action returns to the same place instead of the top of meeting 1.
 */
public record ReviewPlace(String q, int page, int unmatchedPage, int meeting, int circlePage, boolean pinnedOnly) {

    public static final ReviewPlace TOP = new ReviewPlace("", 0, 0, 0, 0, false);

    public ReviewPlace {
        q = q == null ? "" : q.strip();
        page = Math.max(0, page);
        unmatchedPage = Math.max(0, unmatchedPage);
        meeting = Math.max(0, meeting);
        circlePage = Math.max(0, circlePage);
    }

    /** The place as posted by a review form's hidden fields. */
    public static class Form {
        @RestForm
        public String q;
        @RestForm
        public String page;
        @RestForm
        public String unmatchedPage;
        @RestForm
        public String meeting;
        @RestForm
        public String circlePage;
        @RestForm
        public String pinnedOnly;

        public ReviewPlace place() {
            return new ReviewPlace(q, number(page), number(unmatchedPage), number(meeting), number(circlePage),
                    "true".equals(pinnedOnly));
        }
    }

    /**
     * The place from a GET's query parameters. The filter is {@code pinnedOnly} in forms, where {@code pinned} is
     * the pin action's own field; links from before still say {@code pinned=true}.
     */
    public static ReviewPlace of(MultivaluedMap<String, String> query) {
        return new ReviewPlace(query.getFirst("q"), number(query.getFirst("page")),
                number(query.getFirst("unmatchedPage")), number(query.getFirst("meeting")),
                number(query.getFirst("circlePage")),
                "true".equals(query.getFirst("pinnedOnly")) || "true".equals(query.getFirst("pinned")));
    }

    /** The page of the round this place shows. */
    public RoundReads.PageRequest request() {
        return new RoundReads.PageRequest(q, page, unmatchedPage, meeting, circlePage, pinnedOnly);
    }

    /** The query string for this place, without defaults; empty at the top of the page. */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        if (!q.isEmpty()) {
            parts.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        add(parts, "page", page);
        add(parts, "unmatchedPage", unmatchedPage);
        add(parts, "meeting", meeting);
        add(parts, "circlePage", circlePage);
        if (pinnedOnly) {
            parts.add("pinnedOnly=true");
        }
        return String.join("&", parts);
    }

    /** The review page at this place, scrolled to {@code anchor} (an element id, or null). */
    public String url(long roundId, String anchor) {
        String query = queryString();
        return "/rounds/" + roundId + (query.isEmpty() ? "" : "?" + query) + (anchor == null ? "" : "#" + anchor);
    }

    private static void add(List<String> parts, String name, int value) {
        if (value > 0) {
            parts.add(name + "=" + value);
        }
    }

    private static int number(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
