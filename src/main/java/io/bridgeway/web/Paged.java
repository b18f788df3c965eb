package io.bridgeway.web;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a list, for templates: the rows and where the page stands (numbered from 0). */
public record Paged<T>(List<T> rows, int page, int pageCount, long total) {

    public static final int SIZE = 50;

    /** Most rows one API page may hold: a larger page would load a whole table into memory at once. */
    public static final int MAX_API_SIZE = 500;

    /** {@code size} when it is from 1 to {@link #MAX_API_SIZE}; otherwise a 400 naming the field. */
    public static int apiSize(int size) {
        if (size < 1 || size > MAX_API_SIZE) {
            throw new RuleViolationException("size must be between 1 and " + MAX_API_SIZE + ".", "size");
        }
        return size;
    }

    /** The requested page of {@code query}, clamped to the pages that exist, each row mapped by {@code row}. */
    public static <E, T> Paged<T> of(PanacheQuery<E> query, int page, Function<E, T> row) {
        return of(query, page, SIZE, row);
    }

    /** As above, with {@code size} rows a page (at least 1). */
    public static <E, T> Paged<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> row) {
        int rows = Math.max(1, size);
        long total = query.count();
        int pageCount = (int) Math.max(1, (total + rows - 1) / rows);
        int current = Math.min(Math.max(0, page), pageCount - 1);
        return new Paged<>(query.page(Page.of(current, rows)).list().stream().map(row).toList(), current, pageCount,
                total);
    }

    public static <E> Paged<E> of(PanacheQuery<E> query, int page) {
        return of(query, page, Function.identity());
    }

    /** Where a page stands, for the JSON API: page from 0, rows per page, pages and rows in all. */
    public record PageJson(int page, int size, int pageCount, long total) {
    }

    /** This page's place, {@code size} being the rows per page it was asked with. */
    public PageJson position(int size) {
        return new PageJson(page, size, pageCount, total);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pageCount;
    }
}
