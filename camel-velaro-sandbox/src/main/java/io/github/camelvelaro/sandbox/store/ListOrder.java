package io.github.camelvelaro.sandbox.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.model.VelaroPage;

/** Ordering and slicing shared by the list operations: by {@code updatedAt}, then id, one page at a time. */
final class ListOrder {

    private ListOrder() {
    }

    static <T> Comparator<T> byUpdatedAtThenId(Function<T, Instant> updatedAt, Function<T, String> id) {
        return Comparator.comparing(updatedAt).thenComparing(id);
    }

    /** Page {@code query.page()} of the items, already filtered and sorted. */
    static <T> VelaroPage<T> page(List<T> sorted, ListQuery query) {
        long from = (long) (query.page() - 1) * query.pageSize();
        int start = (int) Math.min(from, sorted.size());
        int end = (int) Math.min(from + query.pageSize(), sorted.size());
        VelaroPage<T> page = new VelaroPage<>();
        page.setData(List.copyOf(sorted.subList(start, end)));
        page.setPage(query.page());
        page.setPageSize(query.pageSize());
        page.setTotalCount(sorted.size());
        page.setHasMore(end < sorted.size());
        return page;
    }
}
