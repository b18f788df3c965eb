package io.bridgeway.rounds;

import io.bridgeway.web.ErrorPages;
import io.bridgeway.web.Flash;
import io.bridgeway.web.FormFields;
import io.bridgeway.web.RuleViolationException;
import io.bridgeway.web.StaleEditException;
import io.bridgeway.web.UnavailableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * How the round pages answer, shared by {@link RoundResource}, {@link RoundReviewResource} and
 * {@link RoundDecisionResource}: at the manager's place (search, pages, meeting), htmx gets the changed part and
 * a plain form a redirect to the same place and row; a refusal shows the reason there. Request scoped, because
 * it remembers that place for the exception mappers (form fields are read only once).
 */
@RequestScoped
class RoundAnswers {

    @CheckedTemplate(basePath = "RoundResource")
    static class Templates {
        static native TemplateInstance round(RoundView round, ReviewPlace place, ReviewSummary summary, String problem);

        static native TemplateInstance round$progress(RoundView round);

        static native TemplateInstance changed(RoundView round, ReviewPlace place, ReviewSummary summary,
                String message, String part, long pairId);

        static native TemplateInstance confirm(RoundView round, ReviewPlace place, ReviewReads.Question question,
                String action, String button, boolean danger);

        static native TemplateInstance compare(RoundView round, RoundComparison comparison);
    }

    @Inject
    RoundReads reads;

    @Inject
    ReviewReads review;

    @Inject
    HttpHeaders headers;

    private ReviewPlace place = ReviewPlace.TOP;

    /** Remembers where the manager stands, for the answer and for a refusal. */
    ReviewPlace at(ReviewPlace.Form form) {
        place = form.place();
        return place;
    }

    /** The round page at a place, with a refusal's reason at the top when there is one. */
    TemplateInstance page(long id, ReviewPlace at, String problem) {
        return Templates.round(reads.view(id, at.request()), at, review.summary(id), problem);
    }

    /** After a change to part of the page: htmx redraws that part in place, a plain form returns to the anchor. */
    Response changed(long id, String anchor, String message, String part, long pairId) {
        if (!htmx()) {
            return Flash.redirect(place.url(id, anchor), message);
        }
        return html(changedPart(id, message, part, pairId)).build();
    }

    /** After a change to the whole round (solve, publish, discard): the page again at the same place. */
    Response reload(long id, String anchor, String message) {
        String url = place.url(id, anchor);
        return htmx() ? Flash.htmxRedirect(url, message) : Flash.redirect(url, message);
    }

    /** Without JavaScript, a risky action asks first on a page of its own. */
    TemplateInstance confirm(long id, UriInfo uri, ReviewReads.Question question, String action, String button,
            boolean danger) {
        ReviewPlace at = ReviewPlace.of(uri.getQueryParameters());
        return Templates.confirm(reads.view(id, at.request()), at, question, action, button, danger);
    }

    /**
     * A refused (400), stale (409) or not done (503) change: the round page again at the manager's place, with
     * the reason at the top; for htmx the reason alone (htmx swaps only 2xx answers, and the rest of the page
     * stays as it was).
     */
    Response refused(RuntimeException e, UriInfo uri) {
        long id = Long.parseLong(uri.getPathParameters().getFirst("id"));
        try {
            if (htmx()) {
                return html(changedPart(id, e.getMessage(), "problem", 0)).header("HX-Reswap", "none").build();
            }
            return html(page(id, place, e.getMessage())).status(status(e)).build();
        } catch (NotFoundException noSuchRound) { // a refused form for a round that does not exist: plain 404
            return ErrorPages.nothingHere(uri);
        }
    }

    private static int status(RuntimeException refusal) {
        if (refusal instanceof StaleEditException) {
            return 409;
        }
        return refusal instanceof UnavailableException ? 503 : 400;
    }

    private TemplateInstance changedPart(long id, String message, String part, long pairId) {
        return Templates.changed(reads.view(id, place.request()), place, review.summary(id), message, part, pairId);
    }

    private static Response.ResponseBuilder html(TemplateInstance page) {
        return Response.ok(page.render()).type(MediaType.TEXT_HTML);
    }

    private boolean htmx() {
        return headers.getHeaderString("HX-Request") != null;
    }

    /** The version a page or client saw, to refuse if the round changed since; null when none was sent. */
    static Long seenVersion(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Long version = FormFields.parseLong(raw);
        if (version == null) {
            throw new RuleViolationException("version must be a whole number (the round's version), not \"" + raw.strip()
                    + "\".", "version");
        }
        return version;
    }

    static long version(String raw) {
        Long version = FormFields.parseLong(raw);
        if (version == null) {
            throw new RuleViolationException("The form is missing the round's version. Reload the page and try again.",
                    "version");
        }
        return version;
    }
}
